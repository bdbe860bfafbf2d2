package org.pipelinecrm.qualification;

/** The four BANT letters and the three levels: each has its own guiding questions and may block qualification. */
public enum Topic {
    BUDGET,
    AUTHORITY,
    NEED,
    TIMELINE,
    ORGANIZATION,
    OPPORTUNITY,
    STAKEHOLDER;

    public boolean isLetter() {
        return ordinal() <= TIMELINE.ordinal();
    }
}
