package org.pipelinecrm.opportunity;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.pipelinecrm.identity.CrmUser;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.shared.ConflictException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A deal's way through its pipeline: moved from stage to stage, closed won or lost, re-opened. Each step checks
 * the version the person saw; the deal's rules decide whether it may happen, and its stage history is written
 * from the deal's events in the same transaction ({@link DealHistoryRecorder}).
 */
@Service
@Transactional(readOnly = true)
public class DealMoves {

    /** How long the person who closed a deal may still undo it themselves. */
    public static final Duration UNDO_WINDOW = Duration.ofMinutes(2);

    private final Opportunities deals;
    private final OpportunityRepository opportunities;
    private final StageChangeRepository changes;
    private final Pipelines pipelines;

    DealMoves(
            Opportunities deals,
            OpportunityRepository opportunities,
            StageChangeRepository changes,
            Pipelines pipelines) {
        this.deals = deals;
        this.opportunities = opportunities;
        this.changes = changes;
        this.pipelines = pipelines;
    }

    /** Moves the deal to a stage with the version the mover saw: a stale version is a conflict, never an overwrite. */
    @Transactional
    @DealWrite
    public OpportunityView move(long id, long stageId, long version, String reason, String note) {
        Opportunity deal = deals.load(id);
        Opportunities.checkVersion(deal, version);
        StageView stage = pipelines.stage(stageId);
        long by = CurrentUser.get().id();
        if (stage.isOpen()) {
            deal.moveTo(stage, null, by, Instant.now());
        } else {
            deal.close(stage, reasonCode(stage.kind(), reason), note, by, Instant.now());
        }
        return deals.view(opportunities.save(deal));
    }

    /** Closes the deal won or lost (lost needs a reason); a won deal may confirm its final amount and date. */
    @Transactional
    @DealWrite
    public OpportunityView close(long id, CloseCmd cmd) {
        Opportunity deal = deals.load(id);
        if (cmd.version() != null) {
            Opportunities.checkVersion(deal, cmd.version());
        }
        PipelineView pipeline = pipelines.pipeline(deal.toView(null, null).pipelineId());
        StageView stage = pipeline.closingStage(cmd.outcome())
                .orElseThrow(() ->
                        new ConflictException("pipeline.noClosingStage", "The pipeline has no stage for that outcome"));
        String reason = reasonCode(cmd.outcome(), cmd.reason());
        long by = CurrentUser.get().id();
        if (cmd.outcome() == StageKind.WON) {
            deal.win(stage, reason, cmd.note(), cmd.amount(), cmd.closeDate(), by, Instant.now());
        } else {
            deal.close(stage, reason, cmd.note(), by, Instant.now());
        }
        return deals.view(opportunities.save(deal));
    }

    /**
     * Reopens a closed deal into the open stage it left (or the first open stage). Managers and admins decide that;
     * whoever closed the deal may also take it back within {@link #UNDO_WINDOW}, which is the board's "Undo".
     */
    @Transactional
    @DealWrite
    public OpportunityView reopen(long id, Long version) {
        CrmUser me = CurrentUser.get();
        Opportunity deal = deals.load(id);
        Optional<StageChange> closing = changes.findFirstByOpportunityIdOrderByChangedAtDescIdDesc(id);
        boolean ownUndo = closing.filter(c -> c.getChangedBy() == me.id()
                        && c.getChangedAt().isAfter(Instant.now().minus(UNDO_WINDOW)))
                .isPresent();
        if (!me.is(Role.MANAGER) && !me.is(Role.ADMIN) && !ownUndo) {
            throw new AccessDeniedException("Only managers reopen deals");
        }
        if (version != null) {
            Opportunities.checkVersion(deal, version);
        }
        PipelineView pipeline = pipelines.pipeline(deal.toView(null, null).pipelineId());
        StageView target = closing.map(StageChange::getFromStageId)
                .flatMap(s -> pipeline.openStages().stream()
                        .filter(st -> st.id() == s)
                        .findFirst())
                .orElse(pipeline.openStages().get(0));
        deal.reopen(target, me.id(), Instant.now());
        return deals.view(opportunities.save(deal));
    }

    /** The listed reason a person picked, as its code; none given is left to the deal, which knows when one is needed. */
    private String reasonCode(StageKind outcome, String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return pipelines
                .reason(outcome, reason)
                .map(r -> r.code())
                .orElseThrow(() -> new ConflictException(
                        "opportunity.unknownReason", "That reason is not in the workspace's list", reason));
    }

    public record CloseCmd(
            @NotNull StageKind outcome,
            @Size(max = 80) String reason,
            @Size(max = 2000) String note,
            Long version,

            @DecimalMin("0") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            LocalDate closeDate) {}
}
