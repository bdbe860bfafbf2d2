package org.pipelinecrm.qualification;

import java.time.LocalDate;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.lead.RejectionReason;
import org.pipelinecrm.lead.TimelineFacts;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The BANT scorecards of the leads the signed-in person can see. */
@Service
@Transactional(readOnly = true)
public class Qualifications {

    private final ScorecardRepository scorecards;
    private final Leads leads;
    private final Workspaces workspaces;

    Qualifications(ScorecardRepository scorecards, Leads leads, Workspaces workspaces) {
        this.scorecards = scorecards;
        this.leads = leads;
        this.workspaces = workspaces;
    }

    /** The lead's scorecard, as {@code by} may see the lead; a lead nobody has qualified yet has every letter and level UNKNOWN. */
    public QualificationView of(long leadId, Actor by) {
        leads.find(leadId, by);
        return scorecard(leadId).toView(today());
    }

    /**
     * Saves the rep's answers with the version they last saw (a stale one is a conflict), writes what changed
     * on the lead's timeline, and lets the lead follow: qualified, or back to work. {@code by} answered.
     */
    @Transactional
    public QualificationView answer(long leadId, QualificationCmd cmd, Actor by) {
        leads.find(leadId, by);
        Scorecard card = scorecard(leadId);
        if (cmd.version() != null && cmd.version() != card.version()) {
            throw new ObjectOptimisticLockingFailureException(Scorecard.class, leadId);
        }
        if (card.isNew()) {
            // stored blank first, so that the first answers take version 1 and a rep still holding the blank
            // card (version 0) gets a conflict instead of overwriting them
            scorecards.saveAndFlush(card);
        }
        boolean wasQualified = card.qualified();
        TimelineFacts changes = card.answer(cmd, by.id());
        if (changes.isEmpty()) {
            return card.toView(today());
        }
        scorecards.saveAndFlush(card);
        leads.record(leadId, ScorecardChangeWording.KIND, changes.encode(), by);
        if (card.qualified() != wasQualified) {
            leads.qualificationChanged(leadId, card.qualified(), by);
        }
        return card.toView(today());
    }

    /** A purchase too far out: the lead leaves the pipeline's way, into nurture, with the reason on record. */
    @Transactional
    public void nurture(long leadId, Actor by) {
        var lead = leads.find(leadId, by);
        if (lead.status().canMoveTo(org.pipelinecrm.lead.LeadStatus.NURTURING)) {
            leads.nurture(leadId, lead.version(), by);
        } else {
            // the reason says it in the reader's language; a note would be one language's sentence
            leads.disqualify(leadId, RejectionReason.TOO_EARLY.name(), null, lead.version(), by);
        }
    }

    Scorecard scorecard(long leadId) {
        return scorecards.findByLeadId(leadId).orElseGet(() -> new Scorecard(leadId));
    }

    /** Today where the workspace is: "more than 12 months out" counts from the workspace's date. */
    private LocalDate today() {
        return LocalDate.now(workspaces.current().timeZone());
    }
}
