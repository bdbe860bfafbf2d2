package org.pipelinecrm.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class UsersPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Test
    void anAdminAddsAPersonAndSeesThemListed() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        long team = workspaces.addTeam(ws, "North");
        mvc.perform(post("/settings/users")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Nima Rep")
                        .param("email", "nima-" + ws.suffix() + "@test.example")
                        .param("password", "rep-password-1")
                        .param("role", "SALES_REP")
                        .param("teamId", Long.toString(team)))
                .andExpect(redirectedUrl("/settings/users"));
        mvc.perform(get("/settings/users").with(user(admin)))
                .andExpect(content().string(containsString("Nima Rep")))
                .andExpect(content().string(containsString("North")));
    }

    @Test
    void theAddPersonFormAsksForRoleAndTeamOnce() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        String page = mvc.perform(get("/settings/users").with(user(admin)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page.split("name=\"role\"", -1)).hasSize(2);
        assertThat(page.split("name=\"teamId\"", -1)).hasSize(2);
    }

    @Test
    void badInputIsExplainedNextToEachField() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        mvc.perform(post("/settings/users")
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "")
                        .param("email", "nope")
                        .param("password", "x")
                        .param("role", "SALES_REP"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Please fill this in.")))
                .andExpect(content().string(containsString("This is not a valid e-mail address.")))
                .andExpect(content().string(containsString("Length must be between 8 and 128 characters.")));
    }

    @Test
    void anAdminCannotLockThemselvesOut() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        mvc.perform(post("/settings/users/{id}", ws.adminId())
                        .with(user(admin))
                        .with(csrf())
                        .param("name", "Me")
                        .param("role", "SALES_REP")
                        .param("_active", "on")
                        .param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You cannot remove your own admin rights")));
    }
}
