package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.demo.DemoData;
import org.pipelinecrm.insight.Targets;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class DemoOpportunitiesTest {

    @Autowired
    DemoData demo;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Targets targets;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealStageHistory stageHistory;

    @Autowired
    Board board;

    @Autowired
    Pipelines pipelines;

    @Test
    void theDemoHasAYearOfDealsInEveryStateAndSomeRot() {
        String domain = "demo-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
        var ws = demo.create("Demo", domain);
        workspaces.as(ws.adminEmail(), () -> {
            assertThat(opportunities.list(null, null, null, null, 0, 10).total())
                    .isEqualTo(250);
            assertThat(opportunities
                            .list(null, null, null, StageKind.WON, 0, 10)
                            .total())
                    .isPositive();
            assertThat(opportunities
                            .list(null, null, null, StageKind.LOST, 0, 10)
                            .total())
                    .isPositive();
            var columns =
                    board.columns(new BoardFilter(pipelines.visible().get(0).id(), null, null, null), 20);
            assertThat(columns.stream().filter(c -> c.count() > 0).count()).isGreaterThan(3);
            assertThat(columns.stream().flatMap(c -> c.items().stream()).anyMatch(BoardColumn.Card::rotting))
                    .isTrue();
            long deal = columns.get(2).items().get(0).id();
            assertThat(stageHistory.of(deal)).hasSizeGreaterThanOrEqualTo(3);
            // the dashboard's coverage has a target to measure against, today and in the quarter before
            LocalDate today = LocalDate.now();
            assertThat(targets.all())
                    .anyMatch(t ->
                            t.teamId() != null && !today.isBefore(t.periodStart()) && !today.isAfter(t.periodEnd()));
            assertThat(targets.all()).anyMatch(t -> t.periodEnd().isBefore(today));
            // most open deals have a next step, some do not
            long open =
                    opportunities.list(null, null, null, StageKind.OPEN, 0, 10).total();
            long withNextStep = tx.execute(status -> jdbc.sql("select count(distinct record_id) from sales_task"
                            + " where record_type = 'OPPORTUNITY' and completed_at is null")
                    .query(Long.class)
                    .single());
            assertThat(withNextStep).isGreaterThan(open / 2).isLessThan(open);
            return null;
        });
    }
}
