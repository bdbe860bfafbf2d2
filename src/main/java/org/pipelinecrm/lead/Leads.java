package org.pipelinecrm.lead;

import java.time.Instant;
import java.util.List;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.Actor;
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

/** Capture, change and move leads of the current workspace, as the acting person sees them. */
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

    public Page<LeadView> list(LeadFilter filter, Pageable pageable, Actor by) {
        return list(filter, CustomFieldFilter.none(), pageable, by);
    }

    /** The leads that match, also by custom field values. */
    public Page<LeadView> list(LeadFilter filter, CustomFieldFilter fields, Pageable pageable, Actor by) {
        Specification<Lead> spec = filter.toSpecification(by);
        if (!fields.isEmpty()) {
            spec = spec.and(fields.specification());
        }
        var values = customFields.reader(RecordKind.LEAD);
        return leads.findAll(spec, pageable).map(l -> l.toView(null).withCustomFields(values.apply(l.customFields())));
    }

    public LeadView get(long id, Actor by) {
        Lead lead = visible(id, by);
        List<LeadView.Entry> entries =
                timeline.findByLeadIdOrderByOccurredAtDescIdDesc(id, PageRequest.of(0, 200)).stream()
                        .map(TimelineEntry::toView)
                        .toList();
        return withValues(lead, lead.toView(entries));
    }

    /** Creates a lead unless it looks like an existing one (then {@link DuplicateLeadException}). */
    @Transactional
    public LeadView create(LeadDetails details, boolean allowDuplicate, Actor by) {
        assignees.checkNewOwner(details.ownerId(), details.teamId());
        // values are checked when given; a caller that gives none (a page without the fields) is not held to the
        // required ones
        String values =
                customFields.write(RecordKind.LEAD, "{}", details.customFields(), details.customFields() != null);
        Lead lead = Lead.create(details.with(defaults(details, by)), by.id(), Instant.now());
        lead.fillIn(values);
        if (!allowDuplicate) {
            leads.duplicateOf(lead).ifPresent(existing -> {
                throw new DuplicateLeadException(existing);
            });
        }
        leads.save(lead);
        scores.rescore(lead, scoring.scorecard(), by.id());
        leads.flush();
        return withValues(lead, lead.toView(null));
    }

    @Transactional
    public LeadView change(long id, LeadDetails patch, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        assignees.check(patch.ownerId(), patch.teamId());
        if (patch.customFields() != null) {
            lead.fillIn(customFields.write(RecordKind.LEAD, lead.customFields(), patch.customFields(), false));
        }
        lead.edit(patch, by.id());
        scores.rescore(lead, scoring.scorecard(), by.id());
        return saved(lead, by);
    }

    /**
     * One field typed on the lead's page: {@code details} is the whole lead with that field changed (an empty
     * text clears it), checked like any edit; a stale {@code expectedVersion} answers who changed the lead last.
     */
    @Transactional
    public LeadView changeField(long id, LeadDetails details, long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        assignees.check(details.ownerId(), details.teamId());
        lead.rewrite(details, by.id());
        scores.rescore(lead, scoring.scorecard(), by.id());
        return saved(lead, by);
    }

    /** Who changed the lead last and when (empty when nobody has since it was made), for a stale edit's answer. */
    public java.util.Optional<LastChange> lastChange(long id) {
        return leads.findById(id).flatMap(Lead::lastChange);
    }

    @Transactional
    public LeadView recordEvent(long id, String type, Instant occurredAt, Actor by) {
        Lead lead = visible(id, by);
        Instant when = occurredAt == null ? Instant.now() : occurredAt;
        String normal = type.trim().toUpperCase(java.util.Locale.ROOT);
        java.util.SortedSet<String> known = scoring.eventTypes();
        if (!known.contains(normal)) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "type", "problem.field.one-of", "type is one of " + known, String.join(", ", known));
        }
        events.save(new LeadEvent(lead.id(), normal, when));
        lead.behaved(normal, null, by.id(), when);
        events.flush();
        scores.rescore(lead, scoring.scorecard(), by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView handOff(long id, Long salesTeamId, Long salesOwnerId, String note, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        assignees.check(salesOwnerId, salesTeamId);
        lead.handOff(salesTeamId, salesOwnerId, note, by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView accept(long id, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        lead.accept(by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView reject(long id, String reason, String note, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        lead.reject(policy.requireReason(reason, note), note, by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView disqualify(long id, String reason, String note, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        lead.disqualify(policy.requireReason(reason, note), note, by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView startWorking(long id, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        lead.startWorking(by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView nurture(long id, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        lead.nurture(by.id());
        return saved(lead, by);
    }

    /** The lead as {@code by} may see it, without its timeline; another workspace's id is not found. */
    public LeadView find(long id, Actor by) {
        Lead lead = visible(id, by);
        return withValues(lead, lead.toView(null));
    }

    /**
     * The lead as the API shows it, whoever is signed in (nobody, for a web form's lead): for the workspace's own
     * integrations, which see every lead. Empty when there is no such lead.
     */
    public java.util.Optional<LeadView> recorded(long id) {
        return leads.findById(id).map(l -> withValues(l, l.toView(null)));
    }

    /** Writes one entry on the lead's timeline, by {@code by}, now. */
    @Transactional
    public void record(long id, String kind, String detail, Actor by) {
        Lead lead = visible(id, by);
        lead.note(kind, detail, by.id());
        leads.save(lead);
    }

    /** Follows its scorecard: qualified moves it to QUALIFIED (once stamping qualifiedAt), unqualified back to work. */
    @Transactional
    public LeadView qualificationChanged(long id, boolean qualified, Actor by) {
        Lead lead = visible(id, by);
        lead.qualificationChanged(qualified, by.id());
        return saved(lead, by);
    }

    /** Marks the lead converted into the given account, contact and opportunity. */
    @Transactional
    public LeadView converted(long id, long accountId, long contactId, long opportunityId, Actor by) {
        Lead lead = visible(id, by);
        lead.convert(accountId, contactId, opportunityId, by.id());
        return saved(lead, by);
    }

    @Transactional
    public LeadView reopen(long id, Long expectedVersion, Actor by) {
        Lead lead = visible(id, by);
        checkVersion(lead, expectedVersion);
        lead.reopen(by.id());
        return saved(lead, by);
    }

    private Lead visible(long id, Actor by) {
        Specification<Lead> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return leads.findOne(byId.and(LeadFilter.none().toSpecification(by))).orElseThrow(() -> hidden(id));
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

    private static LeadDetails defaults(LeadDetails details, Actor user) {
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

    /** Saves the lead, which publishes its changes (the timeline writes them), and flushes for the new version. */
    private LeadView saved(Lead lead, Actor by) {
        lead.changedBy(by.id(), Instant.now());
        leads.save(lead);
        leads.flush();
        return withValues(lead, lead.toView(null));
    }

    private LeadView withValues(Lead lead, LeadView view) {
        return view.withCustomFields(customFields.visible(RecordKind.LEAD, lead.customFields()));
    }
}
