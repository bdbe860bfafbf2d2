package org.pipelinecrm.insight;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The "stalled deals" figure of the dashboard opens the deals behind it, for the same filters and visibility. */
@IntegrationTest
class StalledDealsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Test
    void theStalledFigureListsItsDealsLongestStalledFirstForTheChosenTeamAndOnlyARepsOwn() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East");
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        var eastRep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var loneRep = workspaces.addPerson(ws, Role.SALES_REP, null);
        var asManager = user(users.loadUserByUsername(manager.email()));
        mvc.perform(get("/dashboard/stalled").with(asManager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stalled-empty\"")));

        KnownPipeline data = workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> {
                    KnownPipeline k = new KnownPipeline(jdbc, ws.id(), 3);
                    k.staleDeal(eastRep.id(), east, 30); // stalled: the stage allows 14 days
                    k.staleDeal(loneRep.id(), null, 40); // stalled longest
                    k.staleDeal(eastRep.id(), east, 3); // still fresh
                    return k;
                }));
        String east30 = "Deal " + data.deals.get(0).id();
        String lone40 = "Deal " + data.deals.get(1).id();
        String fresh = "Deal " + data.deals.get(2).id();

        mvc.perform(get("/dashboard").with(asManager))
                .andExpect(content().string(containsString("href=\"/dashboard/stalled")));
        String all = mvc.perform(get("/dashboard/stalled").with(asManager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("40 (limit 14)")))
                .andExpect(content().string(not(containsString(fresh + "<"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(all.indexOf(lone40))
                .as("longest stalled first")
                .isPositive()
                .isLessThan(all.indexOf(east30));

        mvc.perform(get("/dashboard/stalled")
                        .param("teamId", String.valueOf(east))
                        .with(asManager))
                .andExpect(content().string(containsString(east30)))
                .andExpect(content().string(not(containsString(lone40))));
        // a rep sees their own stalled deals, whatever the link asks for
        mvc.perform(get("/dashboard/stalled")
                        .param("teamId", String.valueOf(east))
                        .with(user(users.loadUserByUsername(loneRep.email()))))
                .andExpect(content().string(containsString(lone40)))
                .andExpect(content().string(not(containsString(east30))));
    }
}
