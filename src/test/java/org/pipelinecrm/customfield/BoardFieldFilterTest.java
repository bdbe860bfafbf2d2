package org.pipelinecrm.customfield;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** The board filtered by a deal's custom field, in the API and on the page. */
@IntegrationTest
class BoardFieldFilterTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup lookup;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    TestWorkspaces.Workspace ws;

    @BeforeEach
    void dealsInTwoRegions() throws Exception {
        ws = workspaces.create();
        json(
                "/api/v1/fields",
                "{\"recordKind\": \"OPPORTUNITY\", \"key\": \"region\", \"label\": \"Region\","
                        + " \"labelFa\": \"منطقه\", \"type\": \"SELECT\", \"options\": [\"EMEA\", \"APAC\"]}");
        json(
                "/api/v1/fields",
                "{\"recordKind\": \"OPPORTUNITY\", \"key\": \"seats\", \"label\": \"Seats\","
                        + " \"type\": \"NUMBER\"}");
        json(
                "/api/v1/opportunities",
                "{\"name\": \"Berlin rollout\", \"amount\": 100,"
                        + " \"customFields\": {\"region\": \"EMEA\", \"seats\": 10}}");
        json(
                "/api/v1/opportunities",
                "{\"name\": \"Tokyo rollout\", \"amount\": 200,"
                        + " \"customFields\": {\"region\": \"APAC\", \"seats\": 90}}");
        json(
                "/api/v1/opportunities",
                "{\"name\": \"Paris rollout\", \"amount\": 300,"
                        + " \"customFields\": {\"region\": \"EMEA\", \"seats\": 50}}");
    }

    void json(String path, String body) throws Exception {
        mvc.perform(post(path)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
    }

    @Test
    void theBoardApiShowsOnlyMatchingDealsAndTheirTotals() throws Exception {
        mvc.perform(get("/api/v1/board?cf.region=EMEA").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].count").value(2))
                .andExpect(jsonPath("$[0].amount").value(400.0))
                .andExpect(jsonPath("$[0].items[*].name", contains("Paris rollout", "Berlin rollout")));
        mvc.perform(get("/api/v1/board?cf.region=EMEA&cf.seats.gte=20").with(ws.admin()))
                .andExpect(jsonPath("$[0].count").value(1))
                .andExpect(jsonPath("$[0].items[*].name", contains("Paris rollout")));
        mvc.perform(get("/api/v1/board").with(ws.admin()))
                .andExpect(jsonPath("$[0].count").value(3));
        mvc.perform(get("/api/v1/board?cf.region=Mars").with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cf.region"));
    }

    @Test
    void withManyMatchesEachColumnWalksItsDealsInOrderAndShowsOnlyMatchingOnes() throws Exception {
        // 2,400 more deals in the first column, every other one in EMEA, each entered a minute before the last
        TenantContext.runAs(
                ws.id(), () -> tx.executeWithoutResult(t -> jdbc.sql("""
                        insert into opportunity
                        select (jsonb_populate_record(o, jsonb_build_object(
                          'id', nextval('opportunity_seq'), 'name', 'Bulk ' || g, 'amount', 1,
                          'stage_entered_at', o.stage_entered_at - g * interval '1 minute',
                          'custom_fields', jsonb_build_object('region', case when g % 2 = 0 then 'EMEA' else 'APAC' end)))).*
                        from opportunity o, generate_series(1, 2400) g where o.name = 'Tokyo rollout'
                        """).update()));
        mvc.perform(get("/api/v1/board?cf.region=EMEA&perStage=5").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].count").value(1202))
                .andExpect(jsonPath("$[0].amount").value(1600.0))
                .andExpect(jsonPath(
                        "$[0].items[*].name",
                        contains("Paris rollout", "Berlin rollout", "Bulk 2", "Bulk 4", "Bulk 6")))
                .andExpect(jsonPath("$[0].nextCursor").isNotEmpty());
        mvc.perform(get("/api/v1/board?cf.region=APAC&perStage=3").with(ws.admin()))
                .andExpect(jsonPath("$[0].count").value(1201))
                .andExpect(jsonPath("$[0].items[*].name", contains("Tokyo rollout", "Bulk 1", "Bulk 3")));
        // a value few deals have reads them from the values, in the same order
        mvc.perform(get("/api/v1/board?cf.seats.gte=20&perStage=5").with(ws.admin()))
                .andExpect(jsonPath("$[0].count").value(2))
                .andExpect(jsonPath("$[0].items[*].name", contains("Paris rollout", "Tokyo rollout")));
    }

    @Test
    void theBoardPageOffersTheFieldAndFiltersByIt() throws Exception {
        var me = lookup.loadUserByUsername(ws.adminEmail());
        mvc.perform(get("/pipeline").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"cf.region\"")))
                .andExpect(content().string(containsString("name=\"cf.seats.gte\"")))
                .andExpect(content().string(containsString("Tokyo rollout")));
        mvc.perform(get("/pipeline?cf.region=APAC").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tokyo rollout")))
                .andExpect(content().string(not(containsString("Berlin rollout"))))
                .andExpect(content().string(containsString("<option value=\"APAC\" selected=\"selected\">")));
        // a filter naming a field no longer offered shows every deal, and says so
        mvc.perform(get("/pipeline?cf.gone=1").with(user(me)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Berlin rollout")))
                .andExpect(content().string(containsString("no longer offered")));
    }
}
