package org.pipelinecrm.activity;

/** What happened: a call, a meeting, an e-mail logged by hand, or a note. */
public enum ActivityKind {
    CALL,
    MEETING,
    EMAIL,
    NOTE;

    /** Notes and e-mails have no duration worth recording. */
    public boolean hasDuration() {
        return this == CALL || this == MEETING;
    }
}
