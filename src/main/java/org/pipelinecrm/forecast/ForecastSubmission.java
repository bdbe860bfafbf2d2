package org.pipelinecrm.forecast;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.Immutable;
import org.pipelinecrm.shared.TenantOwned;

/**
 * A call submitted for a period: a rep's own (no team) or a team's by its manager. Never changed once written
 * (Hibernate does not update it): the figures and the deals are kept as they stood.
 */
@Entity
@Immutable
class ForecastSubmission extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private LocalDate periodStart;
    private LocalDate periodEnd;
    private long submittedBy;
    private Long teamId;
    private LocalDate weekStart;
    private BigDecimal amount;
    private String note;
    private BigDecimal closed;

    @Column(name = "commit_amount")
    private BigDecimal commit;

    private BigDecimal bestCase;
    private BigDecimal pipeline;

    @ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    private String deals = "[]";

    private Instant submittedAt;

    protected ForecastSubmission() {}

    ForecastSubmission(
            LocalDate periodStart,
            LocalDate periodEnd,
            long submittedBy,
            Long teamId,
            LocalDate weekStart,
            BigDecimal amount,
            String note,
            Figures figures,
            String deals,
            Instant submittedAt) {
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.submittedBy = submittedBy;
        this.teamId = teamId;
        this.weekStart = weekStart;
        this.amount = amount;
        this.note = note;
        this.closed = figures.closed();
        this.commit = figures.commit();
        this.bestCase = figures.bestCase();
        this.pipeline = figures.pipeline();
        this.deals = deals;
        this.submittedAt = submittedAt;
    }

    long submittedBy() {
        return submittedBy;
    }

    Long teamId() {
        return teamId;
    }

    Instant submittedAt() {
        return submittedAt;
    }

    LocalDate periodStart() {
        return periodStart;
    }

    LocalDate periodEnd() {
        return periodEnd;
    }

    BigDecimal amount() {
        return amount;
    }

    String deals() {
        return deals;
    }

    SubmissionView toView(String submittedByName, String teamName) {
        return new SubmissionView(
                id,
                periodStart,
                periodEnd,
                submittedBy,
                submittedByName,
                teamId,
                teamName,
                weekStart,
                amount,
                note,
                closed,
                commit,
                bestCase,
                pipeline,
                submittedAt);
    }
}
