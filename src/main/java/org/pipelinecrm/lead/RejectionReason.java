package org.pipelinecrm.lead;

/** Why sales passes on a handed-off lead (or why a lead is disqualified). */
public enum RejectionReason {
    NOT_A_FIT,
    NO_BUDGET,
    WRONG_CONTACT,
    BAD_DATA,
    DUPLICATE,
    TOO_EARLY
}
