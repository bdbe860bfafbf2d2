package org.pipelinecrm.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.pipelinecrm.pipeline.ForecastCategory;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.TenantOwned;
import org.springframework.data.domain.AfterDomainEventPublication;
import org.springframework.data.domain.DomainEvents;

/**
 * A deal being worked. Its stage and status change only through the guarded methods here, which refuse
 * what the sales process does not allow (moving a closed deal, losing without a reason), and register what
 * happened as events that the repository publishes on save: the module's listeners write the stage history
 * and the field edits from them (as {@code AbstractAggregateRoot} does; this class extends {@code TenantOwned}).
 */
@Entity
class Opportunity extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String name;
    private long pipelineId;
    private long stageId;

    @Enumerated(EnumType.STRING)
    private StageKind status;

    private BigDecimal amount;
    private int probability;
    private LocalDate expectedCloseDate;
    private long ownerId;
    private Long teamId;
    private String source;
    private String industry;
    // The deal's earliest open task, kept by DealNextSteps; not a change of the deal itself, so no new version.
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private String nextStep;

    private Long accountId;
    private Long contactId;
    private Instant openedAt;
    private Instant closedAt;
    private String closeReason;
    private String closeNote;
    // When it entered its present stage: moves change the stage too, so this alone (an imported stage change
    // placed in the deal's history) is no change of the deal and keeps its version.
    @org.hibernate.annotations.OptimisticLock(excluded = true)
    private Instant stageEnteredAt;

    private Instant lastActivityAt;
    // The lead this deal was converted from, and when: the funnel's conversion rates count these.
    private Long sourceLeadId;
    private Instant convertedAt;
    private String externalId;

    // Who last changed the deal (an edit or a move), for a stale edit's answer.
    private Long changedBy;
    private Instant changedAt;
    // The values of the workspace's custom fields, {key: value}; the customfield module checks what goes in.
    @ColumnTransformer(write = "cast(? as jsonb)")
    @jakarta.persistence.Column(columnDefinition = "jsonb")
    private String customFields = "{}";

    // Where the deal counts in the forecast: its stage's default unless its owner chose (overridden)
    @Enumerated(EnumType.STRING)
    private ForecastCategory forecastCategory = ForecastCategory.PIPELINE;

    private boolean forecastCategoryOverridden;

    @Version
    private long version;

    @Transient
    private final List<Object> events = new ArrayList<>();

    protected Opportunity() {}

    /** A new deal in an open stage, opened by {@code by}. */
    Opportunity(String name, StageView stage, long ownerId, Long teamId, long by, Instant openedAt) {
        if (!stage.isOpen()) {
            throw new ConflictException("opportunity.startsOpen", "A new deal starts in an open stage");
        }
        this.name = name.trim();
        this.pipelineId = stage.pipelineId();
        this.stageId = stage.id();
        this.status = StageKind.OPEN;
        this.probability = stage.probability();
        this.amount = BigDecimal.ZERO;
        this.ownerId = ownerId;
        this.teamId = teamId;
        this.openedAt = openedAt;
        this.stageEnteredAt = openedAt;
        this.forecastCategory = stage.dealCategory();
        events.add(new DealStageChanged(this, null, stageId, by, openedAt));
    }

    /** Moves the deal to another stage of its pipeline; into a LOST stage only with a reason (the one place it is checked). */
    boolean moveTo(StageView stage, String reason, long by, Instant now) {
        if (stage.pipelineId() != pipelineId) {
            throw new ConflictException("opportunity.otherPipeline", "That stage belongs to another pipeline");
        }
        if (status != StageKind.OPEN) {
            throw new ConflictException("opportunity.closed", "The deal is closed; reopen it first");
        }
        if (stage.id() == stageId) {
            return false;
        }
        if (stage.kind() == StageKind.LOST && (reason == null || reason.isBlank())) {
            throw new ConflictException("opportunity.lossReasonRequired", "A lost deal needs a reason");
        }
        events.add(new DealStageChanged(this, stageId, stage.id(), by, now));
        changed(by, now);
        stageId = stage.id();
        stageEnteredAt = now;
        probability = stage.probability();
        status = stage.kind();
        followForecastOf(stage);
        if (status != StageKind.OPEN) {
            closedAt = now;
            closeReason = reason;
        }
        return true;
    }

    /** Closes the deal into the pipeline's won or lost stage, with the reason and a note. */
    void close(StageView closingStage, String reason, String note, long by, Instant now) {
        if (closingStage.isOpen()) {
            throw new IllegalArgumentException("Closing needs a won or lost stage");
        }
        moveTo(closingStage, reason, by, now);
        closeNote = note;
    }

    /** Wins the deal, confirming its final amount and close date where given (left out: as they are). */
    void win(
            StageView wonStage,
            String reason,
            String note,
            BigDecimal finalAmount,
            LocalDate closeDate,
            long by,
            Instant now) {
        if (wonStage.kind() != StageKind.WON) {
            throw new IllegalArgumentException("Winning needs the won stage");
        }
        close(wonStage, reason, note, by, now);
        if (finalAmount != null) {
            amount = finalAmount;
        }
        if (closeDate != null) {
            expectedCloseDate = closeDate;
        }
    }

    /** Back into an open stage: a manager's decision when a closed deal comes back to life. */
    void reopen(StageView openStage, long by, Instant now) {
        if (status == StageKind.OPEN) {
            throw new ConflictException("opportunity.notClosed", "The deal is open already");
        }
        if (!openStage.isOpen() || openStage.pipelineId() != pipelineId) {
            throw new ConflictException(
                    "opportunity.otherPipeline", "Reopen into an open stage of the deal's pipeline");
        }
        events.add(new DealStageChanged(this, stageId, openStage.id(), by, now));
        changed(by, now);
        status = StageKind.OPEN;
        stageId = openStage.id();
        stageEnteredAt = now;
        probability = openStage.probability();
        followForecastOf(openStage);
        closedAt = null;
        closeReason = null;
        closeNote = null;
    }

    /**
     * Puts an imported deal where its history says, with the dates given: opened, closed (won or lost) or
     * still open. History is taken as it was recorded elsewhere, so a lost deal may come without a reason. A new
     * deal's history is what the row tells: opened into its stage (or the first open one), then closed on its
     * close date; a known deal that changed stage moved on its close date (or now).
     */
    void recordHistory(
            StageView stage, Instant opened, Instant closed, String reason, String externalId, long by, Instant now) {
        recordHistory(stage, opened, closed, reason, externalId, by, now, true);
    }

    /**
     * An imported stage change of the deal: it entered {@code stage} at {@code at}, from the stage its history
     * was in before ({@code from}, null for its first). Written in the order the deal lived it, so that the
     * stage rollups compute each exit from the change before.
     */
    void recordImportedChange(Long from, StageView stage, long by, Instant at) {
        if (stage.pipelineId() != pipelineId) {
            throw new ConflictException("opportunity.otherPipeline", "That stage belongs to another pipeline");
        }
        events.add(new DealStageChanged(this, from, stage.id(), by, at));
        if (stage.id() == stageId) {
            stageEnteredAt = at; // it entered its current stage then
        }
    }

    /**
     * {@link #recordHistory(StageView, Instant, Instant, String, String, long, Instant)}; without
     * {@code deriveChanges} no stage change is written, since the deal's history follows in a stage changes file.
     */
    void recordHistory(
            StageView stage,
            Instant opened,
            Instant closed,
            String reason,
            String externalId,
            long by,
            Instant now,
            boolean deriveChanges) {
        if (stage.pipelineId() != pipelineId) {
            throw new ConflictException("opportunity.otherPipeline", "That stage belongs to another pipeline");
        }
        if (stage.isOpen() != (closed == null)) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "closedAt",
                    stage.isOpen() ? "problem.field.open-deal-close-date" : "problem.field.close-date-needed",
                    stage.isOpen()
                            ? "closedAt: an open deal has no close date"
                            : "closedAt: a deal in a closed stage needs its close date");
        }
        if (closed != null && closed.isBefore(opened)) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "closedAt", "problem.field.closed-before-opened", "closedAt: the deal closed before it opened");
        }
        boolean moved = stage.id() != stageId;
        if (!deriveChanges) {
            events.removeIf(e -> e instanceof DealStageChanged c && c.fromStageId() == null);
        } else if (id == null) {
            events.removeIf(e -> e instanceof DealStageChanged c && c.fromStageId() == null);
            long first = stage.isOpen() ? stage.id() : stageId;
            events.add(new DealStageChanged(this, null, first, by, opened));
            if (!stage.isOpen()) {
                events.add(new DealStageChanged(this, first, stage.id(), by, closed));
            }
        } else if (moved) {
            events.add(new DealStageChanged(this, stageId, stage.id(), by, closed != null ? closed : now));
        }
        this.openedAt = opened;
        this.closedAt = closed;
        this.externalId = externalId;
        this.status = stage.kind();
        this.probability = stage.probability();
        followForecastOf(stage);
        this.closeReason = stage.isOpen() ? null : reason;
        if (closed != null) {
            stageEnteredAt = closed;
        } else if (id == null) {
            stageEnteredAt = opened; // when it entered its stage is not known: since it opened
        } else if (moved) {
            stageEnteredAt = now;
        } else if (stageEnteredAt.isBefore(opened)) {
            stageEnteredAt = opened;
        }
        stageId = stage.id();
    }

    void describe(
            String name,
            BigDecimal amount,
            Integer probability,
            LocalDate expectedCloseDate,
            String source,
            String industry,
            String nextStep,
            Long accountId,
            Long contactId) {
        this.name = name.trim();
        this.amount = amount; // null: the deal has no amount (shown "—", counted as 0 in sums)
        if (probability != null) {
            this.probability = probability;
        }
        this.expectedCloseDate = expectedCloseDate;
        this.source = source;
        this.industry = industry;
        this.nextStep = nextStep;
        this.accountId = accountId;
        this.contactId = contactId;
    }

    void assign(long ownerId, Long teamId) {
        this.ownerId = ownerId;
        this.teamId = teamId;
    }

    /** A person's edit of the deal's fields (and owner, when given): kept on the deal's timeline. */
    void edit(Description d, Long newOwnerId, Long newTeamId, long by, Instant at) {
        OpportunityView before = toView(null, null);
        describe(
                d.name(),
                d.amount(),
                d.probability(),
                d.expectedCloseDate(),
                d.source(),
                d.industry(),
                d.nextStep(),
                d.accountId(),
                d.contactId());
        if (newOwnerId != null) {
            assign(newOwnerId, newTeamId);
        }
        events.add(new DealEdited(this, before, by, at));
        if (!DealEdits.between(before, toView(null, null), by, at).isEmpty() || newOwnerId != null) {
            changed(by, at); // an unchanged save is no change: it keeps the version
        }
    }

    /**
     * The deal now in {@code stage} counts where the stage says, unless its owner chose a category for it, which
     * stays through moves between open stages until the owner resets it; closing ends the choice (won is
     * closed, lost omitted).
     */
    private void followForecastOf(StageView stage) {
        if (!stage.isOpen()) {
            forecastCategoryOverridden = false;
        }
        if (!forecastCategoryOverridden) {
            forecastCategory = stage.dealCategory();
        }
    }

    /**
     * The owner's choice of forecast category for the open deal; null goes back to its stage's default. Kept on
     * the deal's timeline as an edit.
     */
    void forecastAs(ForecastCategory category, StageView stage, long by, Instant at) {
        if (status != StageKind.OPEN) {
            throw new ConflictException(
                    "opportunity.forecastClosed", "A closed deal's forecast category is its outcome");
        }
        if (category != null && !category.choosable()) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "forecastCategory",
                    "problem.field.one-of",
                    "forecastCategory is PIPELINE, BEST_CASE, COMMIT, OMITTED or DEFAULT",
                    "PIPELINE, BEST_CASE, COMMIT, OMITTED, DEFAULT");
        }
        ForecastCategory wanted = category != null ? category : stage.dealCategory();
        boolean overridden = category != null;
        if (wanted == forecastCategory && overridden == forecastCategoryOverridden) {
            return;
        }
        OpportunityView before = toView(null, null);
        forecastCategory = wanted;
        forecastCategoryOverridden = overridden;
        if (events.stream().noneMatch(e -> e instanceof DealEdited)) {
            events.add(new DealEdited(this, before, by, at)); // an edit in the same save already holds the before
        }
        changed(by, at);
    }

    private void changed(long by, Instant at) {
        changedBy = by;
        changedAt = at;
    }

    /** The deal's next step is now this (its earliest open task's title, or none). */
    void nextStepIs(String title) {
        nextStep = title;
    }

    /** Who changed the deal last and when, if anyone has since these were kept. */
    java.util.Optional<java.util.Map.Entry<Long, Instant>> lastChange() {
        return changedBy == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(java.util.Map.entry(changedBy, changedAt));
    }

    @DomainEvents
    List<Object> domainEvents() {
        return List.copyOf(events);
    }

    @AfterDomainEventPublication
    void clearDomainEvents() {
        events.clear();
    }

    Long getId() {
        return id;
    }

    Instant getOpenedAt() {
        return openedAt;
    }

    String getName() {
        return name;
    }

    long getStageId() {
        return stageId;
    }

    long getVersion() {
        return version;
    }

    long getOwnerId() {
        return ownerId;
    }

    Long getTeamId() {
        return teamId;
    }

    StageKind getStatus() {
        return status;
    }

    String getCustomFields() {
        return customFields;
    }

    /** New custom field values, as {@code CustomFields.write} checked and merged them. */
    void fillIn(String customFields) {
        this.customFields = customFields;
    }

    OpportunityView toView(String accountName, String ownerName) {
        return new OpportunityView(
                id == null ? 0 : id,
                name,
                pipelineId,
                stageId,
                status,
                amount,
                probability,
                expectedCloseDate,
                ownerId,
                ownerName,
                teamId,
                source,
                industry,
                nextStep,
                accountId,
                accountName,
                contactId,
                openedAt,
                closedAt,
                closeReason,
                closeNote,
                stageEnteredAt,
                lastActivityAt,
                version,
                sourceLeadId,
                convertedAt,
                java.util.Map.of(),
                forecastCategory,
                forecastCategoryOverridden);
    }

    /** This deal was made from a qualified lead; set once, at conversion. */
    void convertedFrom(long leadId, Instant at) {
        if (sourceLeadId != null) {
            throw new ConflictException("opportunity.alreadyConverted", "The deal already has a source lead");
        }
        sourceLeadId = leadId;
        convertedAt = at;
    }

    /** The describing fields of a deal, as an edit sets them. */
    record Description(
            String name,
            BigDecimal amount,
            Integer probability,
            LocalDate expectedCloseDate,
            String source,
            String industry,
            String nextStep,
            Long accountId,
            Long contactId) {

        /** The deal's fields as they are, for an edit that changes one or two of them. */
        static Description of(OpportunityView v) {
            return new Description(
                    v.name(),
                    v.amount(),
                    v.probability(),
                    v.expectedCloseDate(),
                    v.source(),
                    v.industry(),
                    v.nextStep(),
                    v.accountId(),
                    v.contactId());
        }

        Description withAmount(BigDecimal newAmount) {
            return new Description(
                    name, newAmount, probability, expectedCloseDate, source, industry, nextStep, accountId, contactId);
        }

        Description withExpectedCloseDate(LocalDate date) {
            return new Description(name, amount, probability, date, source, industry, nextStep, accountId, contactId);
        }

        Description withContact(Long newContactId) {
            return new Description(
                    name, amount, probability, expectedCloseDate, source, industry, nextStep, accountId, newContactId);
        }
    }
}
