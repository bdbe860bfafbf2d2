package org.pipelinecrm.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The author edits an activity on its page; a stale form is refused with a message, others are refused. */
@IntegrationTest
class ActivityEditPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Activities activities;

    @Autowired
    UserLookup users;

    @Test
    void theAuthorEditsAStaleFormIsRefusedAndOthersMayNot() throws Exception {
        var ws = workspaces.create();
        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");
        long id = workspaces
                .as(
                        ws.adminEmail(),
                        () -> activities.log(
                                new LogActivityCmd(
                                        ActivityKind.MEETING,
                                        RecordType.OPPORTUNITY,
                                        deal,
                                        new ActivityDetails(
                                                "Kick-off",
                                                null,
                                                null,
                                                Instant.parse("2026-05-04T08:00:00Z"),
                                                60,
                                                null,
                                                null,
                                                null)),
                                CurrentUser.actor()))
                .id();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));

        mvc.perform(get("/activities/{id}/edit", id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kick-off")));
        mvc.perform(post("/activities/{id}/edit", id)
                        .with(admin)
                        .with(csrf())
                        .param("kind", "MEETING")
                        .param("subject", "Kick-off with the buyer")
                        .param("occurredAt", "2026-05-04T09:30")
                        .param("durationMinutes", "45")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/opportunities/" + deal));
        ActivityView edited = workspaces.as(ws.adminEmail(), () -> activities.get(id, CurrentUser.actor()));
        assertThat(edited.subject()).isEqualTo("Kick-off with the buyer");
        assertThat(edited.durationMinutes()).isEqualTo(45);

        mvc.perform(post("/activities/{id}/edit", id)
                        .with(admin)
                        .with(csrf())
                        .param("kind", "MEETING")
                        .param("subject", "Overwritten")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Someone changed this activity")));
        mvc.perform(post("/activities/{id}/edit", id)
                        .with(admin)
                        .with(csrf())
                        .param("kind", "MEETING")
                        .param("subject", "")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        assertThat(workspaces.as(
                        ws.adminEmail(),
                        () -> activities.get(id, CurrentUser.actor()).subject()))
                .isEqualTo("Kick-off with the buyer");

        var colleague = workspaces.addPerson(ws, Role.MANAGER, null);
        mvc.perform(get("/activities/{id}/edit", id).with(user(users.loadUserByUsername(colleague.email()))))
                .andExpect(status().isForbidden());
    }
}
