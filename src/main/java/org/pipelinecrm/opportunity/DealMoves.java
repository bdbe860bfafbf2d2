package org.pipelinecrm.opportunity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
 * the version the person saw and is written to the deal's stage history in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class DealMoves {

    private final Opportunities deals;
    private final OpportunityRepository opportunities;
    private final StageChangeRepository changes;
    private final Pipelines pipelines;

    DealMoves(Opportunities deals, OpportunityRepository opportunities, StageChangeRepository changes,
            Pipelines pipelines) {
        this.deals = deals;
        this.opportunities = opportunities;
        this.changes = changes;
        this.pipelines = pipelines;
    }

    /** Moves the deal to a stage with the version the mover saw: a stale version is a conflict, never an overwrite. */
    @Transactional
    public OpportunityView move(long id, long stageId, long version, String reason, String note) {
        Opportunity deal = deals.load(id);
        Opportunities.checkVersion(deal, version);
        StageView stage = pipelines.stage(stageId);
        long from = deal.getStageId();
        Instant now = Instant.now();
        String reasonCode = stage.kind() == StageKind.OPEN ? null : reasonCode(stage.kind(), reason);
        boolean moved = stage.isOpen() ? deal.moveTo(stage, null, now) : closeInto(deal, stage, reasonCode, note, now);
        if (moved) {
            changes.save(new StageChange(id, from, stageId, CurrentUser.get().id(), now));
        }
        opportunities.flush();
        return deals.view(deal);
    }

    /** Closes the deal won or lost (lost needs a reason); a won deal may confirm its final amount and date. */
    @Transactional
    public OpportunityView close(long id, CloseCmd cmd) {
        Opportunity deal = deals.load(id);
        if (cmd.version() != null) {
            Opportunities.checkVersion(deal, cmd.version());
        }
        OpportunityView before = deal.toView(null, null);
        PipelineView pipeline = pipelines.pipeline(before.pipelineId());
        StageView stage = pipeline.closingStage(cmd.outcome()).orElseThrow(() -> new ConflictException(
                "pipeline.noClosingStage", "The pipeline has no stage for that outcome"));
        if (cmd.outcome() == StageKind.WON && (cmd.amount() != null || cmd.closeDate() != null)) {
            deal.describe(before.name(), cmd.amount() != null ? cmd.amount() : before.amount(), null,
                    cmd.closeDate() != null ? cmd.closeDate() : before.expectedCloseDate(), before.source(),
                    before.industry(), before.nextStep(), before.accountId(), before.contactId());
        }
        Instant now = Instant.now();
        closeInto(deal, stage, reasonCode(cmd.outcome(), cmd.reason()), cmd.note(), now);
        changes.save(new StageChange(id, before.stageId(), stage.id(), CurrentUser.get().id(), now));
        opportunities.flush();
        return deals.view(deal);
    }

    /** Reopens a closed deal into the open stage it left (or the first open stage). Managers and admins only. */
    @Transactional
    public OpportunityView reopen(long id, Long version) {
        CrmUser me = CurrentUser.get();
        if (!me.is(Role.MANAGER) && !me.is(Role.ADMIN)) {
            throw new AccessDeniedException("Only managers reopen deals");
        }
        Opportunity deal = deals.load(id);
        if (version != null) {
            Opportunities.checkVersion(deal, version);
        }
        long from = deal.getStageId();
        PipelineView pipeline = pipelines.pipeline(deal.toView(null, null).pipelineId());
        StageView target = changes.findFirstByOpportunityIdOrderByChangedAtDescIdDesc(id)
                .map(StageChange::getFromStageId).flatMap(s -> pipeline.openStages().stream()
                        .filter(st -> st.id() == s).findFirst())
                .orElse(pipeline.openStages().get(0));
        Instant now = Instant.now();
        deal.reopen(target, now);
        changes.save(new StageChange(id, from, target.id(), me.id(), now));
        opportunities.flush();
        return deals.view(deal);
    }

    private boolean closeInto(Opportunity deal, StageView stage, String reasonCode, String note, Instant now) {
        boolean wasOpen = deal.getStatus() == StageKind.OPEN;
        deal.close(stage, reasonCode, note, now);
        return wasOpen;
    }

    private String reasonCode(StageKind outcome, String reason) {
        if (reason == null || reason.isBlank()) {
            if (outcome == StageKind.LOST) {
                throw new ConflictException("opportunity.lossReasonRequired", "A lost deal needs a reason");
            }
            return null;
        }
        return pipelines.reason(outcome, reason).map(r -> r.code()).orElseThrow(() -> new ConflictException(
                "opportunity.unknownReason", "That reason is not in the workspace's list", reason));
    }


    public record CloseCmd(@NotNull StageKind outcome, @Size(max = 80) String reason, @Size(max = 2000) String note,
            Long version, @DecimalMin("0") @Digits(integer = 16, fraction = 2) BigDecimal amount, LocalDate closeDate) {
    }
}
