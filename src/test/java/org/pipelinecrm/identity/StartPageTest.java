package org.pipelinecrm.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Signing in lands each person where they work, unless they chose otherwise or asked for a page first. */
@IntegrationTest
class StartPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Test
    void eachRoleLandsWhereItWorks() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        var marketer = workspaces.addPerson(ws, Role.MARKETER, null);
        mvc.perform(formLogin().user(rep.email()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/pipeline"));
        mvc.perform(formLogin().user(manager.email()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/dashboard"));
        mvc.perform(formLogin().user(marketer.email()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/leads"));
        // an admin looks after the whole workspace: the dashboard, not the bare home page
        mvc.perform(formLogin().user(ws.adminEmail()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/dashboard"));
    }

    @Test
    void aStartPageChosenOnTheProfileWinsAndCanBeLeftToTheRoleAgain() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        CrmUser me = users.loadUserByUsername(rep.email());
        mvc.perform(
                        post("/settings/profile/start-page")
                                .param("startPage", "TASKS")
                                .with(csrf())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(me)))
                .andExpect(redirectedUrl("/settings/profile"));
        mvc.perform(formLogin().user(rep.email()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/tasks"));
        // a made-up page is refused and changes nothing
        mvc.perform(
                        post("/settings/profile/start-page")
                                .param("startPage", "https://elsewhere.example")
                                .with(csrf())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(me)))
                .andExpect(redirectedUrl("/settings/profile"));
        mvc.perform(formLogin().user(rep.email()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(
                        post("/settings/profile/start-page")
                                .param("startPage", "")
                                .with(csrf())
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(me)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(formLogin().user(rep.email()).password(TestWorkspaces.PASSWORD))
                .andExpect(redirectedUrl("/pipeline"));
    }

    @Test
    void aPageAskedForBeforeSigningInComesFirst() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        // the session lives in the database, named by its cookie
        jakarta.servlet.http.Cookie session = mvc.perform(get("/accounts"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(post("/login")
                        .param("username", rep.email())
                        .param("password", TestWorkspaces.PASSWORD)
                        .with(csrf())
                        .cookie(session))
                .andExpect(redirectedUrlPattern("**/accounts*"));
    }
}
