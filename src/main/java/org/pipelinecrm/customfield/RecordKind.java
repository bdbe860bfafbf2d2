package org.pipelinecrm.customfield;

/** The kinds of record a workspace may add fields to. */
public enum RecordKind {
    LEAD,
    OPPORTUNITY,
    ACCOUNT,
    CONTACT
}
