package org.pipelinecrm.insight;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Revenue targets per rep and per team; managers and admins set them. */
@Service
@Transactional(readOnly = true)
public class Targets {

    private final RevenueTargetRepository targets;
    private final People people;
    private final FiscalYears fiscalYears;

    private final TargetFigures figures;

    Targets(RevenueTargetRepository targets, People people, FiscalYears fiscalYears, TargetFigures figures) {
        this.figures = figures;
        this.targets = targets;
        this.people = people;
        this.fiscalYears = fiscalYears;
    }

    /**
     * The revenue target of the days {@code from} to {@code to} for one rep, one team or (both null) the
     * workspace, as the dashboard counts it (targets that partly overlap count for their share); null: none.
     */
    @Transactional(readOnly = true)
    public java.math.BigDecimal targetOf(LocalDate from, LocalDate to, Long teamId, Long ownerId) {
        return figures.target(new MetricsFilter(from, to, null, teamId, ownerId));
    }

    public List<TargetView> all() {
        return targets.findAllByOrderByPeriodStartDescIdAsc().stream()
                .map(RevenueTarget::toView)
                .toList();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public TargetView set(TargetCmd cmd) {
        if (cmd.periodEnd().isBefore(cmd.periodStart())) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "periodEnd", "problem.field.end-before-start", "periodEnd is before periodStart");
        }
        if ((cmd.ownerId() == null) == (cmd.teamId() == null)) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "ownerId",
                    "problem.field.rep-or-team",
                    "A target is for either a rep (ownerId) or a team (teamId)");
        }
        if (cmd.ownerId() != null) {
            people.user(cmd.ownerId());
        } else {
            people.team(cmd.teamId());
        }
        return targets.save(new RevenueTarget(
                        cmd.periodStart(), cmd.periodEnd(), cmd.amount(), cmd.ownerId(), cmd.teamId()))
                .toView();
    }

    /**
     * Sets a target for the fiscal period of the given type that holds {@code day}, read in the workspace's fiscal
     * calendar in the same transaction as the write, so a fiscal-year change in between cannot skew it.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public TargetView setForPeriod(PeriodType type, LocalDate day, BigDecimal amount, Long ownerId, Long teamId) {
        FiscalYears.Setting fiscal = fiscalYears.current();
        Period period = Periods.containing(day, type, fiscal.calendar(), fiscal.startMonth());
        return set(new TargetCmd(period.start(), period.end(), amount, ownerId, teamId));
    }

    @Transactional
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    public void remove(long id) {
        targets.delete(targets.findById(id).orElseThrow(() -> new NotFoundException("Target", id)));
    }

    public record TargetCmd(
            @NotNull LocalDate periodStart,
            @NotNull LocalDate periodEnd,

            @NotNull @DecimalMin(value = "0.01") @Digits(integer = 16, fraction = 2)
            BigDecimal amount,

            Long ownerId,
            Long teamId) {}
}
