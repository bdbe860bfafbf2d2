package org.pipelinecrm.lead;

import java.time.Instant;
import java.util.List;

import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Capture, change and move leads of the current workspace, as the signed-in person sees them. */
@Service
@Transactional(readOnly = true)
public class Leads {

    private final LeadRepository leads;
    private final LeadEventRepository events;
    private final TimelineRepository timeline;
    private final ScoreKeeper scores;
    private final Scoring scoring;
    private final HandoffPolicy policy;

    Leads(LeadRepository leads, LeadEventRepository events, TimelineRepository timeline, ScoreKeeper scores,
            Scoring scoring, HandoffPolicy policy) {
        this.policy = policy;
        this.leads = leads;
        this.events = events;
        this.timeline = timeline;
        this.scores = scores;
        this.scoring = scoring;
    }

    public Page<LeadView> list(LeadFilter filter, Pageable pageable) {
        return leads.findAll(filter.toSpecification(CurrentUser.get()), pageable).map(l -> view(l, null));
    }

    public LeadView get(long id) {
        Lead lead = visible(id);
        List<LeadView.Entry> entries = timeline.findByLeadIdOrderByOccurredAtDescIdDesc(id, PageRequest.of(0, 200))
                .stream().map(TimelineEntry::toView).toList();
        return view(lead, entries);
    }

    /** Creates a lead unless it looks like an existing one (then {@link DuplicateLeadException}). */
    @Transactional
    public LeadView create(LeadDetails details, boolean allowDuplicate) {
        CrmUser user = CurrentUser.get();
        Lead lead = new Lead(details.with(defaults(details, user)), user.id());
        if (!allowDuplicate) {
            leads.duplicateOf(lead).ifPresent(existing -> {
                throw new DuplicateLeadException(existing);
            });
        }
        leads.save(lead);
        note(lead, "CREATED", LeadWording.created(lead.type, lead.source));
        scores.rescore(lead, scoring.scorecard(), user.id());
        return view(lead, null);
    }

    @Transactional
    public LeadView change(long id, LeadDetails patch, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.change(lead.details().with(patch));
        note(lead, "CHANGED", null);
        scores.rescore(lead, scoring.scorecard(), CurrentUser.get().id());
        return flushed(lead);
    }

    @Transactional
    public LeadView recordEvent(long id, String type, Instant occurredAt) {
        Lead lead = visible(id);
        Instant when = occurredAt == null ? Instant.now() : occurredAt;
        String normal = type.trim().toUpperCase(java.util.Locale.ROOT);
        java.util.SortedSet<String> known = scoring.eventTypes();
        if (!known.contains(normal)) {
            throw new org.pipelinecrm.shared.InvalidInputException("type", "problem.field.one-of",
                    "type is one of " + known, String.join(", ", known));
        }
        events.save(new LeadEvent(lead.id, normal, when));
        timeline.save(new TimelineEntry(lead.id, "EVENT", normal, CurrentUser.get().id(), when));
        events.flush();
        scores.rescore(lead, scoring.scorecard(), CurrentUser.get().id());
        return flushed(lead);
    }

    @Transactional
    public LeadView handOff(long id, Long salesTeamId, Long salesOwnerId, String note, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.handOff(salesTeamId, salesOwnerId, note, CurrentUser.get().id());
        note(lead, "HANDED_OFF", note);
        return flushed(lead);
    }

    @Transactional
    public LeadView accept(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.accept(CurrentUser.get().id());
        note(lead, "ACCEPTED", null);
        return flushed(lead);
    }

    @Transactional
    public LeadView reject(long id, String reason, String note, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        reason = policy.requireReason(reason);
        lead.reject(reason, note);
        note(lead, "REJECTED", reason + (note == null || note.isBlank() ? "" : ": " + note));
        return flushed(lead);
    }

    @Transactional
    public LeadView disqualify(long id, String reason, String note, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        reason = policy.requireReason(reason);
        lead.disqualify(reason, note);
        note(lead, "DISQUALIFIED", reason + (note == null || note.isBlank() ? "" : ": " + note));
        return flushed(lead);
    }

    @Transactional
    public LeadView startWorking(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.startWorking();
        note(lead, "STATUS", "WORKING");
        return flushed(lead);
    }

    @Transactional
    public LeadView nurture(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.nurture();
        note(lead, "STATUS", "NURTURING");
        return flushed(lead);
    }

    /** The lead as the signed-in person may see it, without its timeline; another workspace's id is not found. */
    public LeadView find(long id) {
        return view(visible(id), null);
    }

    /** Writes one entry on the lead's timeline, by the signed-in person, now. */
    @Transactional
    public void record(long id, String kind, String detail) {
        note(visible(id), kind, detail);
    }

    /** Follows its scorecard: qualified moves it to QUALIFIED (once stamping qualifiedAt), unqualified back to work. */
    @Transactional
    public LeadView qualificationChanged(long id, boolean qualified) {
        Lead lead = visible(id);
        if (lead.qualificationChanged(qualified)) {
            note(lead, "STATUS", lead.status.name());
        }
        return flushed(lead);
    }

    /** Marks the lead converted into the given account, contact and opportunity. */
    @Transactional
    public LeadView converted(long id, long accountId, long contactId, long opportunityId) {
        Lead lead = visible(id);
        lead.convert(accountId, contactId, opportunityId);
        note(lead, "CONVERTED", "#" + opportunityId);
        return flushed(lead);
    }

    @Transactional
    public LeadView reopen(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.reopen();
        note(lead, "REOPENED", null);
        return flushed(lead);
    }

    private Lead visible(long id) {
        Specification<Lead> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return leads.findOne(byId.and(LeadFilter.none().toSpecification(CurrentUser.get())))
                .orElseThrow(() -> new NotFoundException("Lead", id));
    }

    private static LeadDetails defaults(LeadDetails details, CrmUser user) {
        // A lead without an owner or team lands in its creator's team, so the creator keeps seeing it.
        return new LeadDetails(null, null, null, null, null, null, null, null, null, null, null,
                details.type() == null ? LeadType.UNQUALIFIED : null, null,
                details.teamId() == null ? user.teamId() : null, null);
    }

    private static void checkVersion(Lead lead, Long expected) {
        if (expected != null && expected != lead.version) {
            throw new ObjectOptimisticLockingFailureException(Lead.class, lead.id);
        }
    }

    private void note(Lead lead, String kind, String detail) {
        timeline.save(new TimelineEntry(lead.id, kind, detail, CurrentUser.get().id(), Instant.now()));
    }

    private LeadView flushed(Lead lead) {
        leads.flush();
        return view(lead, null);
    }

    static LeadView view(Lead l, List<LeadView.Entry> entries) {
        return new LeadView(l.id, l.firstName, l.lastName, l.email, l.phone, l.company, l.title, l.industry,
                l.country, l.companySize, l.annualRevenue, l.source, l.type, l.status, l.ownerId, l.teamId,
                l.externalId, l.score, ScoreKeeper.breakdown(l.scoreBreakdown), l.salesReady, l.handedOffAt,
                l.handedOffBy, l.handoffNote, l.reason, l.reasonNote, l.createdAt, l.version, entries, l.qualifiedAt,
                l.convertedAt, l.convertedAccountId, l.convertedContactId, l.convertedOpportunityId);
    }
}
