package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Activities;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskPriority;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Calls logged and tasks completed on a deal count as activity: the board stops calling it rotting. */
@IntegrationTest
class DealActivityTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    Pipelines pipelines;

    @Autowired
    Activities activities;

    @Autowired
    Tasks tasks;

    @Autowired
    Board board;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void aLoggedCallAndACompletedTaskMoveTheDealsLastActivityAndEndItsRotting() {
        var ws = workspaces.create();
        String admin = ws.adminEmail();
        PipelineView pipeline = workspaces.as(admin, () -> pipelines.visible().get(0));
        StageView rottingStage = pipeline.openStages().stream()
                .filter(s -> s.rottingDays() != null)
                .findFirst()
                .orElseThrow();
        long deal = workspaces.as(
                admin,
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Globex renewal",
                                null,
                                null,
                                pipeline.id(),
                                rottingStage.id(),
                                new BigDecimal("900"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
        Instant longAgo = Instant.now().minus(rottingStage.rottingDays() + 30L, ChronoUnit.DAYS);
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(
                        s -> jdbc.sql("update opportunity set stage_entered_at = ?, opened_at = ? where id = ?")
                                .params(java.sql.Timestamp.from(longAgo), java.sql.Timestamp.from(longAgo), deal)
                                .update()));
        long versionBefore =
                workspaces.as(admin, () -> opportunities.opportunity(deal).version());
        assertThat(rotting(admin, pipeline, rottingStage, deal)).isTrue();

        Instant callAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        workspaces.as(
                admin,
                () -> activities.log(
                        new LogActivityCmd(
                                ActivityKind.CALL,
                                RecordType.OPPORTUNITY,
                                deal,
                                new ActivityDetails("Renewal call", null, null, callAt, 15, "Interested", null, null)),
                        CurrentUser.actor()));

        OpportunityView afterCall = workspaces.as(admin, () -> opportunities.opportunity(deal));
        assertThat(afterCall.lastActivityAt()).isEqualTo(callAt);
        assertThat(afterCall.version())
                .as("a colleague's open card stays current")
                .isEqualTo(versionBefore);
        assertThat(rotting(admin, pipeline, rottingStage, deal)).isFalse();

        // An older call logged afterwards does not move the last activity back.
        workspaces.as(
                admin,
                () -> activities.log(
                        new LogActivityCmd(
                                ActivityKind.NOTE,
                                RecordType.OPPORTUNITY,
                                deal,
                                new ActivityDetails("Old note", null, null, longAgo, null, null, null, null)),
                        CurrentUser.actor()));
        assertThat(workspaces.as(admin, () -> opportunities.opportunity(deal)).lastActivityAt())
                .isEqualTo(callAt);

        long task = workspaces.as(
                admin,
                () -> tasks.add(
                                new TaskCmd(
                                        "Send the renewal quote",
                                        Instant.now().plus(1, ChronoUnit.DAYS),
                                        TaskPriority.NORMAL,
                                        null,
                                        RecordType.OPPORTUNITY,
                                        deal),
                                CurrentUser.actor())
                        .id());
        Instant completed = workspaces
                .as(admin, () -> tasks.complete(task, null, CurrentUser.actor()))
                .completedAt();
        assertThat(workspaces.as(admin, () -> opportunities.opportunity(deal)).lastActivityAt())
                .isCloseTo(completed, org.assertj.core.api.Assertions.within(1, ChronoUnit.MILLIS));
    }

    private boolean rotting(String admin, PipelineView pipeline, StageView stage, long deal) {
        return workspaces.as(admin, () -> board.columns(new BoardFilter(pipeline.id(), null, null, null), 20)).stream()
                .filter(c -> c.stageId() == stage.id())
                .flatMap(c -> c.items().stream())
                .filter(c -> c.id() == deal)
                .findFirst()
                .orElseThrow()
                .rotting();
    }
}
