package org.pipelinecrm.activity;

/** Whether we reached out or the customer did (calls and e-mails). */
public enum Direction {
    INBOUND,
    OUTBOUND
}
