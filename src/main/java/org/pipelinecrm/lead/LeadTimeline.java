package org.pipelinecrm.lead;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes each change of a lead on its timeline, in the transaction that changed it. */
@Component
class LeadTimeline {

    private final TimelineRepository timeline;

    LeadTimeline(TimelineRepository timeline) {
        this.timeline = timeline;
    }

    @EventListener
    void on(LeadChange change) {
        timeline.save(entry(change));
    }

    /** The timeline entry of a change; the bulk import writes the same entries with one insert. */
    static TimelineEntry entry(LeadChange change) {
        return new TimelineEntry(change.leadId(), kind(change), detail(change), change.actorId(), change.at());
    }

    private static String kind(LeadChange change) {
        if (change instanceof LeadChange.Noted n) {
            return n.kind();
        }
        if (change instanceof LeadChange.Created) {
            return "CREATED";
        }
        if (change instanceof LeadChange.Edited) {
            return "CHANGED";
        }
        if (change instanceof LeadChange.StatusChanged) {
            return "STATUS";
        }
        if (change instanceof LeadChange.HandedOff) {
            return "HANDED_OFF";
        }
        if (change instanceof LeadChange.Accepted) {
            return "ACCEPTED";
        }
        if (change instanceof LeadChange.Rejected) {
            return "REJECTED";
        }
        if (change instanceof LeadChange.Disqualified) {
            return "DISQUALIFIED";
        }
        if (change instanceof LeadChange.Reopened) {
            return "REOPENED";
        }
        if (change instanceof LeadChange.Converted) {
            return "CONVERTED";
        }
        if (change instanceof LeadChange.Promoted) {
            return "PROMOTED";
        }
        if (change instanceof LeadChange.BecameSalesReady) {
            return "SALES_READY";
        }
        if (change instanceof LeadChange.Behaved) {
            return "EVENT";
        }
        return "MERGED";
    }

    private static String detail(LeadChange change) {
        if (change instanceof LeadChange.Created c) {
            return c.imported() ? LeadWording.IMPORTED : LeadWording.created(c.type(), c.source());
        }
        if (change instanceof LeadChange.StatusChanged s) {
            return s.to().name();
        }
        if (change instanceof LeadChange.HandedOff h) {
            return h.note();
        }
        if (change instanceof LeadChange.Rejected r) {
            return withNote(r.reason(), r.note());
        }
        if (change instanceof LeadChange.Disqualified d) {
            return withNote(d.reason(), d.note());
        }
        if (change instanceof LeadChange.Converted c) {
            return "#" + c.opportunityId();
        }
        if (change instanceof LeadChange.Promoted p) {
            return LeadWording.crossed(p.score(), p.threshold());
        }
        if (change instanceof LeadChange.BecameSalesReady s) {
            return LeadWording.crossed(s.score(), s.threshold());
        }
        if (change instanceof LeadChange.Behaved b) {
            return b.detail() == null ? b.type() : b.type() + b.detail();
        }
        if (change instanceof LeadChange.Merged m) {
            return m.gone();
        }
        if (change instanceof LeadChange.Noted n) {
            return n.detail();
        }
        return null;
    }

    private static String withNote(String reason, String note) {
        return reason + (note == null || note.isBlank() ? "" : ": " + note);
    }
}
