package org.pipelinecrm.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class WorkspaceSettingsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Autowired
    Workspaces settings;

    @Test
    void anAdminChangesNameCurrencyAndTimeZone() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        mvc.perform(post("/settings")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Tehran Trading")
                        .param("currency", "IRR")
                        .param("timeZone", "Asia/Tehran")
                        .param("version", "0"))
                .andExpect(redirectedUrl("/settings"));
        var saved = TenantContext.callAs(ws.id(), settings::current);
        assertThat(saved.name()).isEqualTo("Tehran Trading");
        assertThat(saved.currency()).isEqualTo(Currency.IRR);
        assertThat(saved.timeZone().getId()).isEqualTo("Asia/Tehran");
    }

    @Test
    void aStaleFormIsAConflictAndAnUnknownZoneIsExplained() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        mvc.perform(post("/settings")
                .with(user(admin))
                .with(csrf())
                .param("name", "First")
                .param("currency", "USD")
                .param("timeZone", "UTC")
                .param("version", "0"));
        mvc.perform(post("/settings")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Second")
                        .param("currency", "USD")
                        .param("timeZone", "UTC")
                        .param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Someone else changed this record")));
        mvc.perform(post("/settings")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Third")
                        .param("currency", "USD")
                        .param("timeZone", "Mars/Olympus")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Unknown time zone")));
        assertThat(TenantContext.callAs(ws.id(), settings::current).name()).isEqualTo("First");
    }

    @Test
    void onlyAdminsChangeSettings() throws Exception {
        var ws = workspaces.create();
        var rep = users.loadUserByUsername(
                workspaces.addPerson(ws, Role.SALES_REP, null).email());
        mvc.perform(get("/settings").with(user(rep))).andExpect(status().isOk());
        mvc.perform(post("/settings")
                        .with(user(rep))
                        .with(csrf())
                        .param("name", "Mine")
                        .param("currency", "USD")
                        .param("timeZone", "UTC")
                        .param("version", "0"))
                .andExpect(status().isForbidden());
    }
}
