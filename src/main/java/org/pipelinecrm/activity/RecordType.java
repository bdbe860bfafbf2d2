package org.pipelinecrm.activity;

/** The kinds of record an activity or task can be about; each is owned by another module. */
public enum RecordType {
    LEAD,
    CONTACT,
    ACCOUNT,
    OPPORTUNITY
}
