package org.pipelinecrm.activity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The in-app reminder shows only open tasks due within the next hour. */
@IntegrationTest
class TaskRemindersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Tasks tasks;

    @Autowired
    UserLookup users;

    @Test
    void tasksDueWithinTheHourAreShownOnEveryPage() throws Exception {
        var ws = workspaces.create();
        Instant now = Instant.now();
        workspaces.as(ws.adminEmail(), () -> {
            tasks.add(
                    new TaskCmd("Call Parsa back", now.plus(30, ChronoUnit.MINUTES), null, null, null, null),
                    CurrentUser.actor());
            tasks.add(
                    new TaskCmd("Quarterly review", now.plus(3, ChronoUnit.HOURS), null, null, null, null),
                    CurrentUser.actor());
            long done = tasks.add(
                            new TaskCmd("Already sent", now.plus(10, ChronoUnit.MINUTES), null, null, null, null),
                            CurrentUser.actor())
                    .id();
            return tasks.complete(done, null, CurrentUser.actor());
        });
        mvc.perform(get("/tasks/reminders").with(user(users.loadUserByUsername(ws.adminEmail()))))
                .andExpect(content().string(containsString("Call Parsa back")))
                .andExpect(content().string(not(containsString("Quarterly review"))))
                .andExpect(content().string(not(containsString("Already sent"))));
    }
}
