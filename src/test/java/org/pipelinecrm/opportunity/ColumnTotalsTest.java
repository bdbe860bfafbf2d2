package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The column headers of the board stay right through moves, closes, reopens, edits and reassignments. */
@IntegrationTest
class ColumnTotalsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.Workspace ws;
    long pipelineId;
    long firstStage;
    long secondStage;

    @BeforeEach
    void workspace() throws Exception {
        ws = workspaces.create();
        String body = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        pipelineId = ((Number) JsonPath.read(body, "$[0].id")).longValue();
        firstStage = ((Number) JsonPath.read(body, "$[0].stages[0].id")).longValue();
        secondStage = ((Number) JsonPath.read(body, "$[0].stages[1].id")).longValue();
    }

    @Test
    void totalsFollowEveryChangeOfTheDeals() throws Exception {
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long a = create(ws.admin(), "Deal A", "100");
        long b = create(rep.basic(), "Deal B", "200");
        long c = create(ws.admin(), "Deal C", "300.50");
        column(ws.admin(), "", 0, 3, 600.50, 60.05);

        send(ws.admin(), "/api/v1/opportunities/" + b + "/move", "{\"stageId\": " + secondStage + ", \"version\": 0}");
        column(ws.admin(), "", 0, 2, 400.50, 40.05);
        column(ws.admin(), "", 1, 1, 200.0, 40.0);

        send(ws.admin(), "/api/v1/opportunities/" + c + "/close", "{\"outcome\": \"LOST\", \"reason\": \"timing\"}");
        column(ws.admin(), "", 0, 1, 100.0, 10.0);

        send(ws.admin(), "/api/v1/opportunities/" + c + "/reopen", "{}");
        column(ws.admin(), "", 0, 2, 400.50, 40.05);

        mvc.perform(patch("/api/v1/opportunities/" + a)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": \"1000\", \"probability\": 50, \"version\": 0}"))
                .andExpect(status().isOk());
        column(ws.admin(), "", 0, 2, 1300.50, 530.05);

        // Filtered by owner, and a rep who sees only their own deals.
        column(ws.admin(), "&ownerId=" + rep.id(), 0, 0, 0.0, 0.0);
        column(ws.admin(), "&ownerId=" + rep.id(), 1, 1, 200.0, 40.0);
        column(rep.basic(), "", 0, 0, 0.0, 0.0);
        column(rep.basic(), "", 1, 1, 200.0, 40.0);

        // Handing deal A to the rep moves its amount into the rep's figures.
        mvc.perform(patch("/api/v1/opportunities/" + a)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"ownerId\": " + rep.id() + ", \"version\": 1}"))
                .andExpect(status().isOk());
        column(rep.basic(), "", 0, 1, 1000.0, 500.0);
        column(ws.admin(), "", 0, 2, 1300.50, 530.05);

        send(ws.admin(), "/api/v1/opportunities/" + b + "/close", "{\"outcome\": \"WON\"}");
        column(ws.admin(), "", 1, 0, 0.0, 0.0);
    }

    @Test
    void theKeptTotalsAgreeWithSummingTheDealsThemselves() throws Exception {
        for (int i = 0; i < 12; i++) {
            long id = create(ws.admin(), "Deal " + i, (i * 37 + 11) + ".25");
            if (i % 3 == 0) {
                send(
                        ws.admin(),
                        "/api/v1/opportunities/" + id + "/move",
                        "{\"stageId\": " + secondStage + ", \"version\": 0}");
            }
            if (i % 4 == 1) {
                send(
                        ws.admin(),
                        "/api/v1/opportunities/" + id + "/close",
                        "{\"outcome\": \"LOST\", \"reason\": \"price\"}");
            }
        }
        // A text search sums the matching deals directly; "Deal" matches all of them.
        String kept = board(ws.admin(), "");
        String summed = board(ws.admin(), "&q=Deal");
        for (int column = 0; column < 7; column++) {
            for (String field : new String[] {"count", "amount", "weightedAmount"}) {
                Object expected = JsonPath.read(summed, "$[" + column + "]." + field);
                assertThat((Object) JsonPath.read(kept, "$[" + column + "]." + field))
                        .as("column %d %s", column, field)
                        .isEqualTo(expected);
            }
        }
        assertThat((Integer) JsonPath.read(kept, "$[0].count")).isEqualTo(6);
    }

    @Test
    void aDealWithoutAnAmountAnswersNullAndCountsAsNothingInTheTotals() throws Exception {
        create(ws.admin(), "Deal A", "100");
        long b = create(ws.admin(), "Deal B", "200");
        column(ws.admin(), "", 0, 2, 300.0, 30.0);

        // an explicit null takes the amount away: the API answers amount: null, the column keeps counting the deal
        String body = mvc.perform(patch("/api/v1/opportunities/" + b)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": null, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(org.hamcrest.Matchers.nullValue()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.util.Map<String, Object> answer = JsonPath.read(body, "$");
        assertThat(answer).containsEntry("amount", null);
        column(ws.admin(), "", 0, 2, 100.0, 10.0);
        mvc.perform(get("/api/v1/opportunities/totals?pipelineId=" + pipelineId).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(2))
                .andExpect(jsonPath("$.amount").value(100.0));

        // a field left out leaves it as it is: still no amount
        mvc.perform(patch("/api/v1/opportunities/" + b)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Deal B renamed\", \"version\": 1}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.amount").value(org.hamcrest.Matchers.nullValue()));
        // a wrong amount is still refused at the field
        mvc.perform(patch("/api/v1/opportunities/" + b)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": -5, \"version\": 2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(patch("/api/v1/opportunities/" + b)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": \"lots\", \"version\": 2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));

        // moved and won without an amount, it leaves the column and is counted as a won deal of 0
        send(ws.admin(), "/api/v1/opportunities/" + b + "/move", "{\"stageId\": " + secondStage + ", \"version\": 2}");
        column(ws.admin(), "", 0, 1, 100.0, 10.0);
        column(ws.admin(), "", 1, 1, 0.0, 0.0);
        send(ws.admin(), "/api/v1/opportunities/" + b + "/close", "{\"outcome\": \"WON\"}");
        column(ws.admin(), "", 1, 0, 0.0, 0.0);
        mvc.perform(get("/api/v1/opportunities/" + b).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WON"))
                .andExpect(jsonPath("$.amount").value(org.hamcrest.Matchers.nullValue()));
    }

    long create(RequestPostProcessor who, String name, String amount) throws Exception {
        String body = mvc.perform(post("/api/v1/opportunities")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"amount\": \"" + amount + "\", \"pipelineId\": "
                                + pipelineId + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    void send(RequestPostProcessor who, String path, String json) throws Exception {
        mvc.perform(post(path).with(who).contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isOk());
    }

    String board(RequestPostProcessor who, String filter) throws Exception {
        return mvc.perform(get("/api/v1/board?perStage=1&pipelineId=" + pipelineId + filter)
                        .with(who))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    ResultActions column(RequestPostProcessor who, String filter, int column, int count, double amount, double weighted)
            throws Exception {
        return mvc.perform(get("/api/v1/board?perStage=1&pipelineId=" + pipelineId + filter)
                        .with(who))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[" + column + "].count").value(count))
                .andExpect(jsonPath("$[" + column + "].amount").value(amount))
                .andExpect(jsonPath("$[" + column + "].weightedAmount").value(weighted));
    }
}
