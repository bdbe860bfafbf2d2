package org.pipelinecrm.lead;

import java.util.EnumSet;
import java.util.Set;

/** Where a lead is in its lifecycle, and where it may go next. */
public enum LeadStatus {
    NEW,
    WORKING,
    NURTURING,
    HANDED_OFF,
    ACCEPTED,
    REJECTED,
    QUALIFIED,
    CONVERTED,
    DISQUALIFIED;

    Set<LeadStatus> next() {
        return switch (this) {
            // A rep may qualify a lead they found themselves, without a handoff.
            case NEW, WORKING -> EnumSet.of(WORKING, NURTURING, HANDED_OFF, QUALIFIED, DISQUALIFIED);
            case NURTURING -> EnumSet.of(WORKING, HANDED_OFF, DISQUALIFIED);
            case HANDED_OFF -> EnumSet.of(ACCEPTED, REJECTED);
            case ACCEPTED -> EnumSet.of(QUALIFIED, DISQUALIFIED);
            case REJECTED -> EnumSet.of(WORKING, NURTURING, HANDED_OFF, DISQUALIFIED);
            // A scorecard that loses a letter or level puts the lead back to work.
            case QUALIFIED -> EnumSet.of(CONVERTED, WORKING, DISQUALIFIED);
            case CONVERTED -> EnumSet.noneOf(LeadStatus.class);
            // Disqualified leads go to nurture and may come back.
            case DISQUALIFIED -> EnumSet.of(NURTURING, WORKING);
        };
    }

    public boolean canMoveTo(LeadStatus target) {
        return next().contains(target);
    }
}
