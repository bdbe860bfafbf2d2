package org.pipelinecrm.insight;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Filters that name no real period or record show the dashboard for "all", never an error page. */
@IntegrationTest
class DashboardFilterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Test
    void aDayThatDoesNotExistOrAnIdThatIsNoNumberShowsTheDashboardOfThisQuarter() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        var asManager = user(users.loadUserByUsername(manager.email()));
        mvc.perform(get("/dashboard").param("period", "MONTH:2026-02-30").with(asManager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"period-label\"")));
        mvc.perform(get("/dashboard")
                        .param("period", "QUARTER:2026-13-01")
                        .param("pipelineId", "abc")
                        .param("teamId", "-4")
                        .with(asManager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"period-label\"")));
        mvc.perform(get("/dashboard/stalled").param("ownerId", "x1").with(asManager))
                .andExpect(status().isOk());
    }
}
