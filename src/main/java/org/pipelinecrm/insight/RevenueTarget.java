package org.pipelinecrm.insight;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.pipelinecrm.shared.TenantOwned;

/** How much a rep or a team is expected to win in a period. */
@Entity
class RevenueTarget extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private LocalDate periodStart;
    private LocalDate periodEnd;
    private BigDecimal amount;
    private Long ownerId;
    private Long teamId;

    @Version
    private long version;

    protected RevenueTarget() {}

    RevenueTarget(LocalDate periodStart, LocalDate periodEnd, BigDecimal amount, Long ownerId, Long teamId) {
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.amount = amount;
        this.ownerId = ownerId;
        this.teamId = teamId;
    }

    TargetView toView() {
        return new TargetView(id, periodStart, periodEnd, amount, ownerId, teamId, version);
    }
}
