package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class LeadsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private long create(RequestPostProcessor who, String json) throws Exception {
        String body = mvc.perform(post("/api/v1/leads")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void event(RequestPostProcessor who, long id, String type) throws Exception {
        mvc.perform(post("/api/v1/leads/" + id + "/events")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"" + type + "\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void createsAndReadsALeadWithItsScoreBreakdown() throws Exception {
        var ws = workspaces.create();
        long id = create(ws.admin(), """
                {"firstName": "Sara", "lastName": "Ahmadi", "email": "sara@acme.test", "company": "Acme",
                 "industry": "Software", "companySize": 250}
                """);
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.type").value("UNQUALIFIED"))
                .andExpect(jsonPath("$.score").value(30))
                .andExpect(jsonPath("$.scoreBreakdown[*].points", hasItem(15)))
                .andExpect(jsonPath("$.timeline[0].kind").value("CREATED"));
    }

    @Test
    void aLikelyDuplicateAnswers409WithTheExistingIdUnlessAllowed() throws Exception {
        var ws = workspaces.create();
        long id = create(ws.admin(), """
                {"firstName": "Reza", "lastName": "Karimi", "email": "Reza@Acme.test", "company": "Acme  Ltd"}
                """);
        mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"X\", \"email\": \"REZA@acme.TEST\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingId").value(id));
        mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"firstName\": \"reza\", \"lastName\": \"KARIMI\", \"company\": \"acme ltd\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingId").value(id));
        mvc.perform(post("/api/v1/leads?allowDuplicate=true")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"X\", \"email\": \"reza@acme.test\"}"))
                .andExpect(status().isCreated());
    }

    @Test
    void anotherWorkspacesLeadIsNotFound() throws Exception {
        var mine = workspaces.create();
        var theirs = workspaces.create();
        long id = create(theirs.admin(), "{\"lastName\": \"Hidden\"}");
        mvc.perform(get("/api/v1/leads/" + id).with(mine.admin())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/leads/" + id + "/events")
                        .with(mine.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"PAGE_VISIT\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads").with(mine.admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void illegalTransitionAndStaleVersionAnswer409() throws Exception {
        var ws = workspaces.create();
        long id = create(ws.admin(), "{\"lastName\": \"Cold\"}");
        // Not an MQL yet: cannot be handed off; not handed off: cannot be accepted.
        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"hot\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/leads/" + id + "/accept").with(ws.admin())).andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/leads/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"CTO\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("CTO"));
        mvc.perform(patch("/api/v1/leads/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\": \"CEO\", \"version\": 0}"))
                .andExpect(status().isConflict());
    }

    @Test
    void eventsRaiseTheScorePromoteToMqlAndTheRejectReasonReachesTheMarketer() throws Exception {
        var ws = workspaces.create();
        long marketing = workspaces.addTeam(ws, "Marketing");
        long sales = workspaces.addTeam(ws, "Sales");
        var marketer = workspaces.addPerson(ws, Role.MARKETER, marketing);
        var rep = workspaces.addPerson(ws, Role.SALES_REP, sales);
        long id = create(marketer.basic(), "{\"lastName\": \"Warm\", \"email\": \"warm@lead.test\"}");

        event(marketer.basic(), id, "DEMO_REQUESTED");
        mvc.perform(get("/api/v1/leads/" + id).with(marketer.basic()))
                .andExpect(jsonPath("$.type").value("UNQUALIFIED"))
                .andExpect(jsonPath("$.score").value(30));
        event(marketer.basic(), id, "MEETING_BOOKED");
        mvc.perform(get("/api/v1/leads/" + id).with(marketer.basic()))
                .andExpect(jsonPath("$.type").value("MQL"))
                .andExpect(jsonPath("$.score").value(60));
        // The rep's team cannot see marketing's lead before the handoff.
        mvc.perform(get("/api/v1/leads/" + id).with(rep.basic())).andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(marketer.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + sales + ", \"note\": \"asked for a demo\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("HANDED_OFF"));
        mvc.perform(post("/api/v1/leads/" + id + "/reject")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"NO_BUDGET\", \"note\": \"budget frozen until spring\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(get("/api/v1/leads/" + id).with(marketer.basic()))
                .andExpect(jsonPath("$.reason").value("NO_BUDGET"))
                .andExpect(jsonPath("$.reasonNote").value("budget frozen until spring"))
                .andExpect(jsonPath("$.ownerId").value(marketer.id()));
    }

    /** The dashboards' funnel counts a lead as MQL from its handoff and as SQL from its acceptance. */
    @Test
    void handoffAndAcceptanceMarkTheFunnelMilestonesOnce() throws Exception {
        var ws = workspaces.create();
        long sales = workspaces.addTeam(ws, "Sales");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, sales);
        long id = create(ws.admin(), "{\"lastName\": \"Funnel\", \"email\": \"funnel@lead.test\", \"type\": \"MQL\"}");
        assertThat(milestone(ws.id(), id, "mql_at")).isNotNull();
        assertThat(milestone(ws.id(), id, "sql_at")).isNull();
        var mql = milestone(ws.id(), id, "mql_at");

        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"teamId\": " + sales + "}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/leads/" + id + "/accept").with(rep.basic())).andExpect(status().isOk());
        assertThat(milestone(ws.id(), id, "sql_at")).isNotNull();
        assertThat(milestone(ws.id(), id, "mql_at")).isEqualTo(mql);
    }

    private java.time.OffsetDateTime milestone(long workspace, long lead, String column) {
        return TenantContext.callAs(
                workspace,
                () -> tx.execute(s -> jdbc.sql("select " + column + " from lead where id = ?")
                        .param(lead)
                        .query(java.time.OffsetDateTime.class)
                        .list()
                        .get(0)));
    }

    @Test
    void listFiltersByStatusTypeAndText() throws Exception {
        var ws = workspaces.create();
        create(ws.admin(), "{\"lastName\": \"Alpha\", \"company\": \"Zeta Corp\", \"source\": \"Webinar\"}");
        create(ws.admin(), "{\"lastName\": \"Beta\", \"type\": \"CQL\"}");
        mvc.perform(get("/api/v1/leads?q=zeta").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Alpha"));
        mvc.perform(get("/api/v1/leads?type=CQL").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(get("/api/v1/leads?source=webinar&status=NEW").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1));
    }
}
