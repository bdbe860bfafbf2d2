package org.pipelinecrm.lead;

import java.time.Instant;
import java.util.List;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.shared.HiddenRecordException;
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
    private final Assignees assignees;
    private final People people;
    private final CustomFields customFields;

    Leads(
            LeadRepository leads,
            LeadEventRepository events,
            TimelineRepository timeline,
            ScoreKeeper scores,
            Scoring scoring,
            HandoffPolicy policy,
            Assignees assignees,
            People people,
            CustomFields customFields) {
        this.people = people;
        this.customFields = customFields;
        this.policy = policy;
        this.assignees = assignees;
        this.leads = leads;
        this.events = events;
        this.timeline = timeline;
        this.scores = scores;
        this.scoring = scoring;
    }

    public Page<LeadView> list(LeadFilter filter, Pageable pageable) {
        return list(filter, CustomFieldFilter.none(), pageable);
    }

    /** The leads that match, also by custom field values. */
    public Page<LeadView> list(LeadFilter filter, CustomFieldFilter fields, Pageable pageable) {
        Specification<Lead> spec = filter.toSpecification(CurrentUser.get());
        if (!fields.isEmpty()) {
            spec = spec.and(fields.specification());
        }
        var values = customFields.reader(RecordKind.LEAD);
        return leads.findAll(spec, pageable).map(l -> l.toView(null).withCustomFields(values.apply(l.customFields())));
    }

    public LeadView get(long id) {
        Lead lead = visible(id);
        List<LeadView.Entry> entries =
                timeline.findByLeadIdOrderByOccurredAtDescIdDesc(id, PageRequest.of(0, 200)).stream()
                        .map(TimelineEntry::toView)
                        .toList();
        return withValues(lead, lead.toView(entries));
    }

    /** Creates a lead unless it looks like an existing one (then {@link DuplicateLeadException}). */
    @Transactional
    public LeadView create(LeadDetails details, boolean allowDuplicate) {
        CrmUser user = CurrentUser.get();
        assignees.checkNewOwner(details.ownerId(), details.teamId());
        // values are checked when given; a caller that gives none (a page without the fields) is not held to the
        // required ones
        String values =
                customFields.write(RecordKind.LEAD, "{}", details.customFields(), details.customFields() != null);
        Lead lead = Lead.create(details.with(defaults(details, user)), user.id(), Instant.now());
        lead.fillIn(values);
        if (!allowDuplicate) {
            leads.duplicateOf(lead).ifPresent(existing -> {
                throw new DuplicateLeadException(existing);
            });
        }
        leads.save(lead);
        scores.rescore(lead, scoring.scorecard(), user.id());
        leads.flush();
        return withValues(lead, lead.toView(null));
    }

    @Transactional
    public LeadView change(long id, LeadDetails patch, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        assignees.check(patch.ownerId(), patch.teamId());
        if (patch.customFields() != null) {
            lead.fillIn(customFields.write(RecordKind.LEAD, lead.customFields(), patch.customFields(), false));
        }
        lead.edit(patch, me());
        scores.rescore(lead, scoring.scorecard(), me());
        return saved(lead);
    }

    /**
     * One field typed on the lead's page: {@code details} is the whole lead with that field changed (an empty
     * text clears it), checked like any edit; a stale {@code expectedVersion} answers who changed the lead last.
     */
    @Transactional
    public LeadView changeField(long id, LeadDetails details, long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        assignees.check(details.ownerId(), details.teamId());
        lead.rewrite(details, me());
        scores.rescore(lead, scoring.scorecard(), me());
        return saved(lead);
    }

    /** Who changed the lead last and when (empty when nobody has since it was made), for a stale edit's answer. */
    public java.util.Optional<LastChange> lastChange(long id) {
        return leads.findById(id).flatMap(Lead::lastChange);
    }

    @Transactional
    public LeadView recordEvent(long id, String type, Instant occurredAt) {
        Lead lead = visible(id);
        Instant when = occurredAt == null ? Instant.now() : occurredAt;
        String normal = type.trim().toUpperCase(java.util.Locale.ROOT);
        java.util.SortedSet<String> known = scoring.eventTypes();
        if (!known.contains(normal)) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "type", "problem.field.one-of", "type is one of " + known, String.join(", ", known));
        }
        events.save(new LeadEvent(lead.id(), normal, when));
        lead.behaved(normal, null, me(), when);
        events.flush();
        scores.rescore(lead, scoring.scorecard(), me());
        return saved(lead);
    }

    @Transactional
    public LeadView handOff(long id, Long salesTeamId, Long salesOwnerId, String note, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        assignees.check(salesOwnerId, salesTeamId);
        lead.handOff(salesTeamId, salesOwnerId, note, me());
        return saved(lead);
    }

    @Transactional
    public LeadView accept(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.accept(me());
        return saved(lead);
    }

    @Transactional
    public LeadView reject(long id, String reason, String note, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.reject(policy.requireReason(reason, note), note, me());
        return saved(lead);
    }

    @Transactional
    public LeadView disqualify(long id, String reason, String note, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.disqualify(policy.requireReason(reason, note), note, me());
        return saved(lead);
    }

    @Transactional
    public LeadView startWorking(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.startWorking(me());
        return saved(lead);
    }

    @Transactional
    public LeadView nurture(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.nurture(me());
        return saved(lead);
    }

    /** The lead as the signed-in person may see it, without its timeline; another workspace's id is not found. */
    public LeadView find(long id) {
        Lead lead = visible(id);
        return withValues(lead, lead.toView(null));
    }

    /**
     * The lead as the API shows it, whoever is signed in (nobody, for a web form's lead): for the workspace's own
     * integrations, which see every lead. Empty when there is no such lead.
     */
    public java.util.Optional<LeadView> recorded(long id) {
        return leads.findById(id).map(l -> withValues(l, l.toView(null)));
    }

    /** Writes one entry on the lead's timeline, by the signed-in person, now. */
    @Transactional
    public void record(long id, String kind, String detail) {
        Lead lead = visible(id);
        lead.note(kind, detail, me());
        leads.save(lead);
    }

    /** Follows its scorecard: qualified moves it to QUALIFIED (once stamping qualifiedAt), unqualified back to work. */
    @Transactional
    public LeadView qualificationChanged(long id, boolean qualified) {
        Lead lead = visible(id);
        lead.qualificationChanged(qualified, me());
        return saved(lead);
    }

    /** Marks the lead converted into the given account, contact and opportunity. */
    @Transactional
    public LeadView converted(long id, long accountId, long contactId, long opportunityId) {
        Lead lead = visible(id);
        lead.convert(accountId, contactId, opportunityId, me());
        return saved(lead);
    }

    @Transactional
    public LeadView reopen(long id, Long expectedVersion) {
        Lead lead = visible(id);
        checkVersion(lead, expectedVersion);
        lead.reopen(me());
        return saved(lead);
    }

    private Lead visible(long id) {
        Specification<Lead> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return leads.findOne(byId.and(LeadFilter.none().toSpecification(CurrentUser.get())))
                .orElseThrow(() -> hidden(id));
    }

    /**
     * Why a lead of this workspace is out of the reader's sight (its team and owner, and who sees it); a lead
     * that does not exist here — another workspace's included, which row security hides — is simply not found.
     */
    private NotFoundException hidden(long id) {
        return leads.findById(id)
                .<NotFoundException>map(lead -> {
                    LeadView v = lead.toView(null);
                    String team = v.teamId() == null
                            ? null
                            : people.teamsById().entrySet().stream()
                                    .filter(e -> e.getKey().equals(v.teamId()))
                                    .map(e -> e.getValue().name())
                                    .findFirst()
                                    .orElse(null);
                    String owner = v.ownerId() == null
                            ? null
                            : people.findUser(v.ownerId()).map(u -> u.name()).orElse(null);
                    return new HiddenRecordException(
                            "Lead",
                            id,
                            team == null ? "lead.hidden.noTeam" : "lead.hidden.team",
                            team == null ? "" : team,
                            owner == null ? "—" : owner);
                })
                .orElseGet(() -> new NotFoundException("Lead", id));
    }

    private static LeadDetails defaults(LeadDetails details, CrmUser user) {
        // A lead without an owner or team lands in its creator's team, so the creator keeps seeing it.
        return new LeadDetails(
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                details.type() == null ? LeadType.UNQUALIFIED : null,
                null,
                details.teamId() == null ? user.teamId() : null,
                null);
    }

    private static void checkVersion(Lead lead, Long expected) {
        if (expected != null && expected != lead.version()) {
            throw new ObjectOptimisticLockingFailureException(Lead.class, lead.id());
        }
    }

    private static long me() {
        return CurrentUser.get().id();
    }

    /** Saves the lead, which publishes its changes (the timeline writes them), and flushes for the new version. */
    private LeadView saved(Lead lead) {
        lead.changedBy(me(), Instant.now());
        leads.save(lead);
        leads.flush();
        return withValues(lead, lead.toView(null));
    }

    private LeadView withValues(Lead lead, LeadView view) {
        return view.withCustomFields(customFields.visible(RecordKind.LEAD, lead.customFields()));
    }
}
