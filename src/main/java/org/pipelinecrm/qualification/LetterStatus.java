package org.pipelinecrm.qualification;

/** What the rep found out about one BANT letter. */
public enum LetterStatus {
    UNKNOWN,
    MET,
    NOT_MET
}
