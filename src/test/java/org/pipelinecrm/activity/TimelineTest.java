package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class TimelineTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Activities activities;

    @Autowired
    Tasks tasks;

    @Autowired
    Timeline timeline;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    org.pipelinecrm.identity.UserLookup users;

    @Test
    void activitiesTasksAndOtherModulesEntriesMergeNewestFirst() throws Exception {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        // the deal's own history (the opportunity module's source) dated among the activities
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(
                        status -> jdbc.sql("update stage_change set changed_at = ? where opportunity_id = ?")
                                .params(java.sql.Timestamp.from(Instant.parse("2026-01-04T09:00:00Z")), deal)
                                .update()));
        workspaces.as(ws.adminEmail(), () -> {
            log(deal, ActivityKind.NOTE, "First note", "2026-01-01T09:00:00Z");
            log(deal, ActivityKind.CALL, "Discovery call", "2026-01-03T09:00:00Z");
            tasks.add(
                    new TaskCmd(
                            "Send proposal",
                            Instant.parse("2026-01-05T09:00:00Z"),
                            TaskPriority.HIGH,
                            null,
                            RecordType.OPPORTUNITY,
                            deal),
                    CurrentUser.actor());
            return null;
        });

        List<String> titles = workspaces
                .as(
                        ws.adminEmail(),
                        () -> timeline.of(RecordType.OPPORTUNITY, deal, null, 0, CurrentUser.actor())
                                .entries())
                .stream()
                .map(TimelineEntry::title)
                .toList();
        assertThat(titles).hasSize(4).startsWith("Send proposal").endsWith("Discovery call", "First note");
        assertThat(titles.get(1)).startsWith("Created in ");

        List<String> calls = workspaces
                .as(
                        ws.adminEmail(),
                        () -> timeline.of(RecordType.OPPORTUNITY, deal, "call", 0, CurrentUser.actor())
                                .entries())
                .stream()
                .map(TimelineEntry::title)
                .toList();
        assertThat(calls).containsExactly("Discovery call");

        mvc.perform(get("/timeline")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .with(user(users.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Discovery call")));
        mvc.perform(get("/timeline")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .with(user(users.loadUserByUsername(workspaces.create().adminEmail()))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theRecordFormsLogACallAndAddATaskAndAnswerTheTimeline() throws Exception {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(post("/activities")
                        .with(admin)
                        .with(csrf())
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .param("kind", "CALL")
                        .param("subject", "Pricing call")
                        .param("occurredAt", "2026-03-01T10:15")
                        .param("durationMinutes", "20")
                        .param("direction", "OUTBOUND"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Pricing call")));
        mvc.perform(post("/tasks")
                        .with(admin)
                        .with(csrf())
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .param("title", "Send the quote")
                        .param("dueAt", "2026-03-02T09:00"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Send the quote")));
        NextStep next = workspaces.as(ws.adminEmail(), () -> tasks.nextOpenTask(RecordType.OPPORTUNITY, deal));
        assertThat(next.title()).isEqualTo("Send the quote");
        assertThat(next.dueAt()).isEqualTo(Instant.parse("2026-03-02T09:00:00Z"));
    }

    @Test
    void pagesFollowEachOther() {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        int total = Timeline.PAGE_SIZE + 5;
        var pages = workspaces.as(ws.adminEmail(), () -> {
            for (int i = 0; i < total; i++) {
                log(
                        deal,
                        ActivityKind.NOTE,
                        "Note " + i,
                        Instant.parse("2026-02-01T00:00:00Z")
                                .plusSeconds(i * 60L)
                                .toString());
            }
            // notes only: the deal's own creation entry is the newest of all
            return List.of(
                    timeline.of(RecordType.OPPORTUNITY, deal, "note", 0, CurrentUser.actor()),
                    timeline.of(RecordType.OPPORTUNITY, deal, "note", 1, CurrentUser.actor()));
        });
        assertThat(pages.get(0).entries()).hasSize(Timeline.PAGE_SIZE);
        assertThat(pages.get(0).hasMore()).isTrue();
        assertThat(pages.get(0).entries().get(0).title()).isEqualTo("Note " + (total - 1));
        assertThat(pages.get(1).entries()).hasSize(5);
        assertThat(pages.get(1).hasMore()).isFalse();
        assertThat(pages.get(1).entries().get(4).title()).isEqualTo("Note 0");
    }

    private void log(long deal, ActivityKind kind, String subject, String when) {
        activities.log(
                new LogActivityCmd(
                        kind,
                        RecordType.OPPORTUNITY,
                        deal,
                        new ActivityDetails(subject, null, null, Instant.parse(when), null, null, null, null)),
                CurrentUser.actor());
    }
}
