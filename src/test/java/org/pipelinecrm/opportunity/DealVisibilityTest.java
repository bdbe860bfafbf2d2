package org.pipelinecrm.opportunity;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Who sees which deals and pipelines: reps their own and their team's, a manager their team's (all when they
 * lead no team), admins everything; a deal one may not see looks missing everywhere.
 */
@IntegrationTest
class DealVisibilityTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup lookup;

    TestWorkspaces.Workspace ws;
    long pipelineId;
    long secondStage;
    long east;
    long west;
    TestWorkspaces.Person eastRep;
    TestWorkspaces.Person eastColleague;
    TestWorkspaces.Person westRep;
    TestWorkspaces.Person eastManager;
    TestWorkspaces.Person headOfSales;
    long eastDeal;
    long westDeal;

    @BeforeEach
    void twoTeamsWithADealEach() throws Exception {
        ws = workspaces.create();
        String body = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        pipelineId = ((Number) JsonPath.read(body, "$[0].id")).longValue();
        secondStage = ((Number) JsonPath.read(body, "$[0].stages[1].id")).longValue();
        east = workspaces.addTeam(ws, "East " + ws.suffix());
        west = workspaces.addTeam(ws, "West " + ws.suffix());
        eastRep = workspaces.addPerson(ws, Role.SALES_REP, east);
        eastColleague = workspaces.addPerson(ws, Role.SALES_REP, east);
        westRep = workspaces.addPerson(ws, Role.SALES_REP, west);
        eastManager = workspaces.addPerson(ws, Role.MANAGER, east);
        headOfSales = workspaces.addPerson(ws, Role.MANAGER, null);
        eastDeal = create(eastRep.basic(), "Eastern deal");
        westDeal = create(westRep.basic(), "Western deal");
    }

    @Test
    void repsSeeTheirTeamsDealsAndNothingElse() throws Exception {
        sees(eastColleague.basic(), eastDeal);
        missing(eastColleague.basic(), westDeal);
        firstColumnCount(eastColleague.basic(), 1);
        mvc.perform(get("/api/v1/opportunities").with(eastColleague.basic()))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].name").value("Eastern deal"));
        mvc.perform(post("/api/v1/opportunities/" + westDeal + "/move")
                        .with(eastColleague.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stageId\": " + secondStage + ", \"version\": 0}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aManagerSeesTheirTeamAndAManagerWithoutATeamSeesAll() throws Exception {
        sees(eastManager.basic(), eastDeal);
        missing(eastManager.basic(), westDeal);
        firstColumnCount(eastManager.basic(), 1);
        sees(headOfSales.basic(), westDeal);
        firstColumnCount(headOfSales.basic(), 2);
        sees(ws.admin(), westDeal);
        firstColumnCount(ws.admin(), 2);
    }

    @Test
    void pagesAnswerNotFoundForADealOneMayNotSee() throws Exception {
        var manager = user(lookup.loadUserByUsername(eastManager.email()));
        mvc.perform(get("/opportunities/" + westDeal).with(manager)).andExpect(status().isNotFound());
        mvc.perform(get("/opportunities/" + eastDeal).with(manager)).andExpect(status().isOk());
        mvc.perform(get("/pipeline?pipelineId=" + pipelineId).with(manager))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Eastern deal")))
                .andExpect(content().string(not(containsString("Western deal"))));
    }

    @Test
    void aTeamsPipelineIsSeenByThatTeamAndAdminsOnly() throws Exception {
        String created = mvc.perform(post("/api/v1/pipelines")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"West renewals\", \"teamId\": " + west + ", \"stages\": ["
                                + "{\"name\": \"Due\", \"kind\": \"OPEN\"}, {\"name\": \"Renewed\", \"kind\": \"WON\"},"
                                + "{\"name\": \"Churned\", \"kind\": \"LOST\"}]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long renewals = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(get("/api/v1/pipelines/" + renewals).with(westRep.basic())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/pipelines/" + renewals).with(ws.admin())).andExpect(status().isOk());
        mvc.perform(get("/api/v1/pipelines/" + renewals).with(eastManager.basic()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pipelines/" + renewals).with(headOfSales.basic()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/board?pipelineId=" + renewals).with(eastRep.basic()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pipelines").with(eastRep.basic())).andExpect(jsonPath("$", hasSize(1)));
        mvc.perform(get("/api/v1/pipelines").with(westRep.basic())).andExpect(jsonPath("$", hasSize(2)));
    }

    long create(RequestPostProcessor who, String name) throws Exception {
        String body = mvc.perform(post("/api/v1/opportunities")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"amount\": \"100\", \"pipelineId\": " + pipelineId
                                + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void sees(RequestPostProcessor who, long deal) throws Exception {
        mvc.perform(get("/api/v1/opportunities/" + deal).with(who)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/opportunities/" + deal + "/history").with(who)).andExpect(status().isOk());
    }

    void missing(RequestPostProcessor who, long deal) throws Exception {
        mvc.perform(get("/api/v1/opportunities/" + deal).with(who)).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opportunities/" + deal + "/history").with(who)).andExpect(status().isNotFound());
    }

    void firstColumnCount(RequestPostProcessor who, int count) throws Exception {
        mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId).with(who))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].count").value(count))
                .andExpect(jsonPath("$[0].items", hasSize(count)));
    }
}
