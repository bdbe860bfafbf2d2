package org.pipelinecrm.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.HiddenRecordException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.PageOf;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opportunities of the current workspace that the current person may see, and every change to them. */
@Service
@Transactional(readOnly = true)
public class Opportunities {

    private final OpportunityRepository opportunities;
    private final Pipelines pipelines;
    private final Accounts accounts;
    private final People people;
    private final Tasks tasks;
    private final CustomFields customFields;

    Opportunities(
            OpportunityRepository opportunities,
            Pipelines pipelines,
            Accounts accounts,
            People people,
            Tasks tasks,
            CustomFields customFields) {
        this.tasks = tasks;
        this.opportunities = opportunities;
        this.pipelines = pipelines;
        this.accounts = accounts;
        this.people = people;
        this.customFields = customFields;
    }

    @Transactional
    @DealWrite
    public OpportunityView create(CreateCmd cmd) {
        return open(cmd);
    }

    /**
     * A new deal at the account of that name, made when no account has it yet: one transaction, so a deal that is
     * refused leaves no account behind.
     */
    @Transactional
    @DealWrite
    public OpportunityView createAtAccountNamed(CreateCmd cmd, String accountName) {
        return open(withAccount(cmd, accountName));
    }

    /**
     * Opens the deal. Custom field values are checked when the caller gives them; a caller that gives none (null: a
     * page without the fields, a lead's conversion) is not held to the required ones, which are filled in later.
     */
    private OpportunityView open(CreateCmd cmd) {
        CrmUser me = CurrentUser.get();
        long ownerId = cmd.ownerId() == null ? me.id() : cmd.ownerId();
        if (ownerId != me.id() && !me.seesWholeWorkspace()) {
            throw new AccessDeniedException("Only managers give deals to others");
        }
        PipelineView pipeline = cmd.pipelineId() != null
                ? pipelines.pipeline(cmd.pipelineId())
                : pipelines.visible().stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("Pipeline", "default"));
        StageView stage = cmd.stageId() != null
                ? pipelines.stage(cmd.stageId())
                : pipeline.openStages().stream().findFirst().orElseThrow();
        if (stage.pipelineId() != pipeline.id()) {
            throw new ConflictException("opportunity.otherPipeline", "That stage belongs to another pipeline");
        }
        checkAccount(cmd.accountId(), cmd.contactId());
        String values =
                customFields.write(RecordKind.OPPORTUNITY, "{}", cmd.customFields(), cmd.customFields() != null);
        Opportunity deal = new Opportunity(
                cmd.name(), stage, ownerId, people.owner(ownerId).teamId(), me.id(), Instant.now());
        deal.fillIn(values);
        deal.describe(
                cmd.name(),
                cmd.amount(),
                cmd.probability(),
                cmd.expectedCloseDate(),
                cmd.source(),
                cmd.industry(),
                null,
                cmd.accountId(),
                cmd.contactId());
        opportunities.save(deal);
        planNextStep(deal, cmd.nextStep());
        return view(deal);
    }

    /**
     * A typed next step becomes the deal's earliest open task (renamed, or added for the owner); the deal's
     * {@code nextStep} follows that task ({@link DealNextSteps}). Blank changes nothing: a next step ends by
     * completing its task.
     */
    private void planNextStep(Opportunity deal, String typed) {
        if (typed == null || typed.isBlank()) {
            return;
        }
        String title = typed.strip();
        if (title.equals(deal.toView(null, null).nextStep())) {
            return;
        }
        opportunities.flush();
        tasks.planNextStep(RecordType.OPPORTUNITY, deal.getId(), title, deal.getOwnerId(), CurrentUser.actor());
    }

    /** Who changed the deal last and when, for a stale edit's answer; empty when not known. */
    public java.util.Optional<java.util.Map.Entry<Long, Instant>> lastChange(long id) {
        return opportunities.findById(id).flatMap(Opportunity::lastChange);
    }

    private CreateCmd withAccount(CreateCmd cmd, String accountName) {
        if (accountName == null || accountName.isBlank()) {
            return cmd;
        }
        return new CreateCmd(
                cmd.name(),
                accounts.findOrCreateByName(accountName.trim()).id(),
                cmd.contactId(),
                cmd.pipelineId(),
                cmd.stageId(),
                cmd.amount(),
                cmd.expectedCloseDate(),
                cmd.probability(),
                cmd.source(),
                cmd.industry(),
                cmd.nextStep(),
                cmd.ownerId(),
                cmd.customFields());
    }

    /** A new deal made from a qualified lead, which it remembers with the time of conversion. */
    @Transactional
    public OpportunityView createFromLead(CreateCmd cmd, long leadId) {
        OpportunityView created = open(cmd);
        Opportunity deal = load(created.id());
        deal.convertedFrom(leadId, Instant.now());
        opportunities.flush();
        return view(deal);
    }

    public OpportunityView opportunity(long id) {
        return view(load(id));
    }

    public PageOf<OpportunityView> list(
            Long pipelineId, Long stageId, Long ownerId, StageKind status, int page, int size) {
        return list(pipelineId, stageId, ownerId, status, CustomFieldFilter.none(), null, true, page, size);
    }

    /**
     * As above, filtered by custom field values and sorted by one of {@link DealList.Sort} (the newest first when
     * none is named); sorted pages of a pipeline's open deals read the list indexes.
     */
    public PageOf<OpportunityView> list(
            Long pipelineId,
            Long stageId,
            Long ownerId,
            StageKind status,
            CustomFieldFilter fields,
            DealList.Sort sort,
            boolean ascending,
            int page,
            int size) {
        Sort order = sort == null
                ? Sort.by(Sort.Direction.DESC, "id")
                : Sort.by(
                        new Sort.Order(
                                ascending ? Sort.Direction.ASC : Sort.Direction.DESC,
                                sort.property(),
                                // as DealList: no amount or close date last, other columns in their index's order
                                sort.nullable() ? Sort.NullHandling.NULLS_LAST : Sort.NullHandling.NATIVE),
                        new Sort.Order(ascending ? Sort.Direction.ASC : Sort.Direction.DESC, "id"));
        Specification<Opportunity> spec =
                new DealFilter(pipelineId, stageId, ownerId, null, status, null).toSpecification();
        if (!fields.isEmpty()) {
            spec = spec.and(fields.specification());
        }
        var found = opportunities.findAll(
                spec, PageRequest.of(PageOf.page(page, PageOf.clampSize(size)), PageOf.clampSize(size), order));
        Map<Long, String> accountNames = accounts.namesByIds(found.stream()
                .map(o -> o.toView(null, null).accountId())
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, String> owners = people.userNames();
        var values = customFields.reader(RecordKind.OPPORTUNITY);
        return PageOf.of(found, o -> {
            OpportunityView v = o.toView(null, null);
            return o.toView(v.accountId() == null ? null : accountNames.get(v.accountId()), owners.get(v.ownerId()))
                    .withCustomFields(values.apply(o.getCustomFields()));
        });
    }

    @Transactional
    @DealWrite
    public OpportunityView change(long id, ChangeCmd cmd) {
        return edit(id, cmd, false);
    }

    /** As above; with {@code clearAmount} the deal is left without an amount (null, shown "—", summed as 0). */
    @Transactional
    @DealWrite
    public OpportunityView change(long id, ChangeCmd cmd, boolean clearAmount) {
        return edit(id, cmd, clearAmount);
    }

    /** An edit that puts the deal at the account of that name, made when none has it yet, in one transaction. */
    @Transactional
    @DealWrite
    public OpportunityView changeAtAccountNamed(long id, ChangeCmd cmd, String accountName) {
        if (accountName == null || accountName.isBlank()) {
            return edit(id, cmd, false);
        }
        long accountId = accounts.findOrCreateByName(accountName.trim()).id();
        return edit(
                id,
                new ChangeCmd(
                        cmd.name(),
                        accountId,
                        cmd.contactId(),
                        cmd.amount(),
                        cmd.expectedCloseDate(),
                        cmd.probability(),
                        cmd.source(),
                        cmd.industry(),
                        cmd.nextStep(),
                        cmd.ownerId(),
                        cmd.version(),
                        cmd.customFields(),
                        cmd.forecastCategory()),
                false);
    }

    private OpportunityView edit(long id, ChangeCmd cmd, boolean clearAmount) {
        Opportunity deal = load(id);
        checkVersion(deal, cmd.version());
        OpportunityView now = deal.toView(null, null);
        Long accountId = cmd.accountId() != null ? cmd.accountId() : now.accountId();
        Long contactId = cmd.contactId() != null ? cmd.contactId() : now.contactId();
        checkAccount(accountId, contactId);
        Long newOwner = cmd.ownerId() != null && cmd.ownerId() != now.ownerId() ? cmd.ownerId() : null;
        if (newOwner != null && !CurrentUser.get().seesWholeWorkspace()) {
            throw new AccessDeniedException("Only managers give deals to others");
        }
        if (newOwner != null) {
            people.owner(newOwner); // a former rep keeps the deals they had, but is given no other
        }
        if (cmd.customFields() != null) {
            deal.fillIn(customFields.write(RecordKind.OPPORTUNITY, deal.getCustomFields(), cmd.customFields(), false));
        }
        deal.edit(
                new Opportunity.Description(
                        cmd.name() != null ? cmd.name() : now.name(),
                        clearAmount ? null : cmd.amount() != null ? cmd.amount() : now.amount(),
                        cmd.probability(),
                        cmd.expectedCloseDate() != null ? cmd.expectedCloseDate() : now.expectedCloseDate(),
                        cmd.source() != null ? cmd.source() : now.source(),
                        cmd.industry() != null ? cmd.industry() : now.industry(),
                        now.nextStep(),
                        accountId,
                        contactId),
                newOwner,
                newOwner == null ? null : people.user(newOwner).teamId(),
                CurrentUser.get().id(),
                Instant.now());
        if (cmd.forecastCategory() != null) {
            deal.forecastAs(
                    forecastCategory(cmd.forecastCategory()),
                    pipelines.stage(deal.getStageId()),
                    CurrentUser.get().id(),
                    Instant.now());
        }
        opportunities.save(deal);
        planNextStep(deal, cmd.nextStep());
        return view(deal);
    }

    /** A category by name, or DEFAULT (null): back to the stage's. */
    static org.pipelinecrm.pipeline.ForecastCategory forecastCategory(String name) {
        String wanted = name.trim().toUpperCase(java.util.Locale.ROOT);
        if (wanted.equals("DEFAULT") || wanted.isEmpty()) {
            return null;
        }
        try {
            org.pipelinecrm.pipeline.ForecastCategory category =
                    org.pipelinecrm.pipeline.ForecastCategory.valueOf(wanted);
            if (category.choosable()) {
                return category;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw new org.pipelinecrm.shared.InvalidInputException(
                "forecastCategory",
                "problem.field.one-of",
                "forecastCategory is PIPELINE, BEST_CASE, COMMIT, OMITTED or DEFAULT",
                "PIPELINE, BEST_CASE, COMMIT, OMITTED, DEFAULT");
    }

    /** The deal's expected close date taken away (typed empty on its page), with the version the page showed. */
    @Transactional
    @DealWrite
    public OpportunityView clearExpectedCloseDate(long id, long version) {
        Opportunity deal = load(id);
        checkVersion(deal, version);
        OpportunityView now = deal.toView(null, null);
        deal.edit(
                Opportunity.Description.of(now).withExpectedCloseDate(null),
                null,
                null,
                CurrentUser.get().id(),
                Instant.now());
        opportunities.save(deal);
        return view(deal);
    }

    /**
     * The deal given to another owner or team (chosen on its page), by the rule of the deal form: only those who
     * see the whole workspace give deals to others. A new owner brings their team unless a team is chosen.
     */
    @Transactional
    @DealWrite
    public OpportunityView assign(long id, Long ownerId, Long teamId, long version) {
        Opportunity deal = load(id);
        checkVersion(deal, version);
        OpportunityView now = deal.toView(null, null);
        long owner = ownerId != null ? ownerId : now.ownerId();
        Long team =
                teamId != null ? teamId : ownerId != null ? people.user(owner).teamId() : now.teamId();
        if ((owner != now.ownerId() || !java.util.Objects.equals(team, now.teamId()))
                && !CurrentUser.get().seesWholeWorkspace()) {
            throw new AccessDeniedException("Only managers give deals to others");
        }
        if (owner == now.ownerId() && java.util.Objects.equals(team, now.teamId())) {
            return view(deal);
        }
        deal.edit(
                Opportunity.Description.of(now), owner, team, CurrentUser.get().id(), Instant.now());
        opportunities.save(deal);
        return view(deal);
    }

    /**
     * Another of the account's contacts becomes the deal's main contact (chosen on the deal page), with the version
     * the page showed; kept on the deal's timeline as an edit. A contact of another account is refused.
     */
    @Transactional
    @DealWrite
    public OpportunityView makeMainContact(long id, long contactId, long version) {
        Opportunity deal = load(id);
        checkVersion(deal, version);
        OpportunityView now = deal.toView(null, null);
        checkAccount(now.accountId(), contactId);
        if (java.util.Objects.equals(now.contactId(), contactId)) {
            return view(deal);
        }
        deal.edit(
                Opportunity.Description.of(now).withContact(contactId),
                null,
                null,
                CurrentUser.get().id(),
                Instant.now());
        opportunities.save(deal);
        return view(deal);
    }

    private void checkAccount(Long accountId, Long contactId) {
        if (accountId != null) {
            accounts.account(accountId);
        }
        if (contactId != null
                && (accountId == null || accounts.contact(contactId).accountId() != accountId)) {
            throw new ConflictException("opportunity.contactElsewhere", "The contact does not work at that account");
        }
    }

    Opportunity load(long id) {
        Opportunity deal = opportunities.findById(id).orElseThrow(() -> new NotFoundException("Opportunity", id));
        if (!DealScope.canSee(CurrentUser.get(), deal.getOwnerId(), deal.getTeamId())) {
            // of this workspace, but out of the reader's sight: the page says why (the API: 404 as ever)
            String owner = people.findUser(deal.getOwnerId()).map(u -> u.name()).orElse("—");
            String team = deal.getTeamId() == null
                    ? null
                    : people.teamsById().get(deal.getTeamId()) == null
                            ? null
                            : people.teamsById().get(deal.getTeamId()).name();
            throw new HiddenRecordException(
                    "Opportunity",
                    id,
                    team == null ? "opportunity.hidden.noTeam" : "opportunity.hidden.team",
                    owner,
                    team == null ? "" : team);
        }
        return deal;
    }

    static void checkVersion(Opportunity deal, long expected) {
        if (deal.getVersion() != expected) {
            throw new ObjectOptimisticLockingFailureException(Opportunity.class, deal.getId());
        }
    }

    OpportunityView view(Opportunity deal) {
        return named(deal.toView(null, null))
                .withCustomFields(customFields.visible(RecordKind.OPPORTUNITY, deal.getCustomFields()));
    }

    /** The view with its account's and owner's names as they are now. */
    OpportunityView named(OpportunityView v) {
        String account = v.accountId() == null
                ? null
                : accounts.namesByIds(Set.of(v.accountId())).get(v.accountId());
        return v.named(account, people.findUser(v.ownerId()).map(u -> u.name()).orElse(null));
    }

    public record CreateCmd(
            @NotBlank @Size(max = 200) String name,
            Long accountId,
            Long contactId,
            Long pipelineId,
            Long stageId,

            @DecimalMin("0") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            LocalDate expectedCloseDate,
            @Min(0) @Max(100) Integer probability,
            @Size(max = 80) String source,
            @Size(max = 80) String industry,
            @Size(max = 200) String nextStep,
            Long ownerId,
            Map<String, Object> customFields) {

        /** The same command with these custom field values. */
        public CreateCmd withCustomFields(Map<String, Object> values) {
            return new CreateCmd(
                    name,
                    accountId,
                    contactId,
                    pipelineId,
                    stageId,
                    amount,
                    expectedCloseDate,
                    probability,
                    source,
                    industry,
                    nextStep,
                    ownerId,
                    values);
        }

        /** A deal without custom field values. */
        public CreateCmd(
                String name,
                Long accountId,
                Long contactId,
                Long pipelineId,
                Long stageId,
                BigDecimal amount,
                LocalDate expectedCloseDate,
                Integer probability,
                String source,
                String industry,
                String nextStep,
                Long ownerId) {
            this(
                    name,
                    accountId,
                    contactId,
                    pipelineId,
                    stageId,
                    amount,
                    expectedCloseDate,
                    probability,
                    source,
                    industry,
                    nextStep,
                    ownerId,
                    null);
        }
    }

    /** A partial change: fields left out stay as they are. */
    public record ChangeCmd(
            @Size(min = 1, max = 200) String name,
            Long accountId,
            Long contactId,

            @DecimalMin("0") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            LocalDate expectedCloseDate,
            @Min(0) @Max(100) Integer probability,
            @Size(max = 80) String source,
            @Size(max = 80) String industry,
            @Size(max = 200) String nextStep,
            Long ownerId,
            @NotNull Long version,
            Map<String, Object> customFields,
            @Size(max = 20) String forecastCategory) {

        /** A change that leaves the forecast category as it is. */
        public ChangeCmd(
                String name,
                Long accountId,
                Long contactId,
                BigDecimal amount,
                LocalDate expectedCloseDate,
                Integer probability,
                String source,
                String industry,
                String nextStep,
                Long ownerId,
                Long version,
                Map<String, Object> customFields) {
            this(
                    name,
                    accountId,
                    contactId,
                    amount,
                    expectedCloseDate,
                    probability,
                    source,
                    industry,
                    nextStep,
                    ownerId,
                    version,
                    customFields,
                    null);
        }

        /** A change that leaves the custom field values as they are. */
        public ChangeCmd(
                String name,
                Long accountId,
                Long contactId,
                BigDecimal amount,
                LocalDate expectedCloseDate,
                Integer probability,
                String source,
                String industry,
                String nextStep,
                Long ownerId,
                Long version) {
            this(
                    name,
                    accountId,
                    contactId,
                    amount,
                    expectedCloseDate,
                    probability,
                    source,
                    industry,
                    nextStep,
                    ownerId,
                    version,
                    null);
        }
    }
}
