package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LeadPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Leads leads;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void listFormLeadPageAndInboxRenderAndTheRejectReasonShows() throws Exception {
        var ws = workspaces.create();
        long sales = workspaces.addTeam(ws, "Sales");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, sales);
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        var repUser = user(users.loadUserByUsername(rep.email()));

        mvc.perform(get("/leads").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("empty-state")));
        mvc.perform(get("/leads/new").with(admin)).andExpect(status().isOk());
        mvc.perform(post("/leads")
                        .with(admin)
                        .with(csrf())
                        .param("lastName", "")
                        .param("type", "MQL"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));
        String location = mvc.perform(post("/leads")
                        .with(admin)
                        .with(csrf())
                        .param("lastName", "Nazari")
                        .param("company", "Parsian")
                        .param("type", "MQL"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(post("/leads")
                        .with(admin)
                        .with(csrf())
                        .param("lastName", "nazari")
                        .param("company", " PARSIAN "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/leads/" + id)));

        mvc.perform(post("/leads/" + id + "/handoff")
                        .with(admin)
                        .with(csrf())
                        .param("teamId", "" + sales)
                        .param("note", "ready")
                        .param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/leads/inbox").with(repUser))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nazari")));
        mvc.perform(post("/leads/" + id + "/reject")
                        .with(repUser)
                        .with(csrf())
                        .param("reason", "TOO_EARLY")
                        .param("note", "next year")
                        .param("version", "1"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/leads/" + id).with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Too early")))
                .andExpect(content().string(containsString("next year")));
        // Illegal on the page too: a clear 409 page, not a stack trace.
        mvc.perform(post("/leads/" + id + "/accept").with(admin).with(csrf()).param("version", "2"))
                .andExpect(status().isConflict());
        mvc.perform(get("/leads?q=naz&sort=score").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nazari")));
    }
}
