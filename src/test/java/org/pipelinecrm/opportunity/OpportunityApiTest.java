package org.pipelinecrm.opportunity;

import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class OpportunityApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.Workspace ws;
    long pipelineId;
    long firstStage;
    long secondStage;

    @BeforeEach
    void workspaceWithDefaultPipeline() throws Exception {
        ws = workspaces.create();
        String body = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].stages", hasSize(9)))
                .andExpect(jsonPath("$[0].stages[7].kind").value("WON"))
                .andExpect(jsonPath("$[0].stages[8].kind").value("LOST"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        pipelineId = ((Number) JsonPath.read(body, "$[0].id")).longValue();
        firstStage = ((Number) JsonPath.read(body, "$[0].stages[0].id")).longValue();
        secondStage = ((Number) JsonPath.read(body, "$[0].stages[1].id")).longValue();
    }

    long create(RequestPostProcessor who, String name, String amount) throws Exception {
        String body = mvc.perform(post("/api/v1/opportunities")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"amount\": \"" + amount + "\", \"pipelineId\": "
                                + pipelineId + "}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stageId").value(firstStage))
                .andExpect(jsonPath("$.probability").value(10))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    String move(long id, long stageId, long version, String reason) {
        return "{\"stageId\": " + stageId + ", \"version\": " + version
                + (reason == null ? "" : ", \"reason\": \"" + reason + "\"") + "}";
    }

    @Test
    void aDealMovesAndItsHistoryRecordsEveryStage() throws Exception {
        long id = create(ws.admin(), "Acme renewal", "1200.50");
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, secondStage, 0, null)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stageId").value(secondStage))
                .andExpect(jsonPath("$.probability").value(20))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/opportunities/" + id + "/history").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].stageId").value(firstStage))
                .andExpect(jsonPath("$[1].stageId").value(secondStage))
                .andExpect(jsonPath("$[1].enteredAt").isNotEmpty());
    }

    @Test
    void aStaleVersionIsAConflictAndChangesNothing() throws Exception {
        long id = create(ws.admin(), "Contested", "10");
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, secondStage, 0, null)))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, firstStage, 0, null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.status").value(409))
                // who moved it, where and when, as the board says it
                .andExpect(jsonPath("$.code").value("stale"))
                .andExpect(jsonPath("$.movedBy").value(ws.adminId()))
                .andExpect(jsonPath("$.movedByName").value("Admin " + ws.suffix()))
                .andExpect(jsonPath("$.stageId").value(secondStage))
                .andExpect(jsonPath("$.movedAt").isNotEmpty())
                .andExpect(
                        jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("Moved by Admin " + ws.suffix())));
        // and in the reader's language
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(ws.admin())
                        .header("Accept-Language", "fa")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, firstStage, 0, null)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("Admin " + ws.suffix() + " این معامله را")));
        mvc.perform(patch("/api/v1/opportunities/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": \"99\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.stageId").value(secondStage))
                .andExpect(jsonPath("$.amount").value(10.0));
    }

    @Test
    void losingNeedsAReasonFromTheList() throws Exception {
        long id = create(ws.admin(), "Doomed", "500");
        mvc.perform(post("/api/v1/opportunities/" + id + "/close")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"LOST\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("opportunity.lossReasonRequired"));
        mvc.perform(post("/api/v1/opportunities/" + id + "/close")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"LOST\", \"reason\": \"aliens\"}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/opportunities/" + id + "/close")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"LOST\", \"reason\": \"competitor\", \"note\": \"went with X\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOST"))
                .andExpect(jsonPath("$.closeReason").value("COMPETITOR"))
                .andExpect(jsonPath("$.closedAt").isNotEmpty());
        mvc.perform(post("/api/v1/opportunities/" + id + "/reopen").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.stageId").value(firstStage));
    }

    @Test
    void movingIntoTheLostStageWithoutAReasonIsRefused() throws Exception {
        long id = create(ws.admin(), "No reason", "5");
        String pipelines = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long lost = ((Number) JsonPath.read(pipelines, "$[0].stages[8].id")).longValue();
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, lost, 0, null)))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, lost, 0, "TIMING")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("LOST"));
    }

    @Test
    void anotherWorkspacesDealIsNotFound() throws Exception {
        long id = create(ws.admin(), "Secret", "1");
        TestWorkspaces.Workspace other = workspaces.create();
        mvc.perform(get("/api/v1/opportunities/" + id).with(other.admin())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/opportunities/" + id + "/move")
                        .with(other.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(move(id, firstStage, 0, null)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/opportunities/" + id + "/history").with(other.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/pipelines/" + pipelineId).with(other.admin())).andExpect(status().isNotFound());
    }

    @Test
    void theBoardTotalsWholeColumnsAndPagesByKeyset() throws Exception {
        for (int i = 0; i < 5; i++) {
            create(ws.admin(), "Deal " + i, "100");
        }
        String first = mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId + "&perStage=2")
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(7)))
                .andExpect(jsonPath("$[0].count").value(5))
                .andExpect(jsonPath("$[0].amount").value(500.0))
                .andExpect(jsonPath("$[0].weightedAmount").value(50.0))
                .andExpect(jsonPath("$[0].items", hasSize(2)))
                .andExpect(jsonPath("$[0].items[0].name").value("Deal 4"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(first, "$[0].nextCursor");
        mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId + "&perStage=2&stageId=" + firstStage + "&cursor="
                                + cursor)
                        .with(ws.admin()))
                .andExpect(jsonPath("$[0].items[0].name").value("Deal 2"))
                .andExpect(jsonPath("$[0].items[1].name").value("Deal 1"));
    }

    @Test
    void boardCardsCarryTheirNextStepOnEveryPage() throws Exception {
        long planned = create(ws.admin(), "Planned", "100");
        long bare = create(ws.admin(), "Bare", "100");
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Instant nextWeek = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        task(planned, "Send the contract", nextWeek);
        int earliest = task(planned, "Call back about pricing", yesterday);

        mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId).with(ws.admin()))
                .andExpect(jsonPath("$[0].items[0].id").value(bare))
                .andExpect(jsonPath("$[0].items[0].nextStep").value(nullValue()))
                .andExpect(jsonPath("$[0].items[1].id").value(planned))
                .andExpect(jsonPath("$[0].items[1].nextStep.taskId").value(earliest))
                .andExpect(jsonPath("$[0].items[1].nextStep.title").value("Call back about pricing"))
                .andExpect(jsonPath("$[0].items[1].nextStep.dueAt").value(yesterday.toString()))
                .andExpect(jsonPath("$[0].items[1].nextStep.overdue").value(true));
        // The overdue call done, the contract is next and not overdue; "load more" pages carry it too.
        mvc.perform(post("/api/v1/tasks/{id}/complete", earliest).with(ws.admin()))
                .andExpect(status().isOk());
        String first = mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId + "&perStage=1")
                        .with(ws.admin()))
                .andExpect(jsonPath("$[0].items[0].id").value(bare))
                .andExpect(jsonPath("$[0].items[0].nextStep").value(nullValue()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String cursor = JsonPath.read(first, "$[0].nextCursor");
        mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId + "&perStage=1&stageId=" + firstStage + "&cursor="
                                + cursor)
                        .with(ws.admin()))
                .andExpect(jsonPath("$[0].items[0].id").value(planned))
                .andExpect(jsonPath("$[0].items[0].nextStep.title").value("Send the contract"))
                .andExpect(jsonPath("$[0].items[0].nextStep.overdue").value(false));
    }

    private int task(long deal, String title, Instant due) throws Exception {
        return JsonPath.read(
                mvc.perform(post("/api/v1/tasks")
                                .with(ws.admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("""
                                {"title":"%s","dueAt":"%s","recordType":"OPPORTUNITY","recordId":%d}
                                """.formatted(title, due, deal)))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
    }

    @Test
    void repsSeeTheirOwnAndTheirTeamsDealsOnly() throws Exception {
        long team = workspaces.addTeam(ws, "East");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, team);
        var outsider = workspaces.addPerson(ws, Role.SALES_REP, null);
        long id = create(rep.basic(), "Rep's deal", "10");
        mvc.perform(get("/api/v1/opportunities/" + id).with(outsider.basic())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId).with(outsider.basic()))
                .andExpect(jsonPath("$[0].count").value(0));
        mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId).with(rep.basic()))
                .andExpect(jsonPath("$[0].count").value(1));
    }

    @Test
    void aStageThatHoldsDealsCannotBeDeleted() throws Exception {
        create(ws.admin(), "Sitting", "1");
        mvc.perform(put("/api/v1/pipelines/" + pipelineId + "/stages")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stages\": [{\"id\": " + secondStage
                                + ", \"name\": \"Only\", \"kind\": \"OPEN\"}]}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("stage.hasDeals"));
        mvc.perform(delete("/api/v1/pipelines/" + pipelineId + "/stages/" + firstStage)
                        .with(ws.admin()))
                .andExpect(status().isConflict());
        mvc.perform(delete("/api/v1/pipelines/" + pipelineId + "/stages/" + secondStage)
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stages", hasSize(8)));
    }

    @Test
    void adminsCreatePipelinesLimitedToATeamAndRepsOfOtherTeamsDoNotSeeThem() throws Exception {
        long east = workspaces.addTeam(ws, "East " + ws.suffix());
        var outsider = workspaces.addPerson(ws, Role.SALES_REP, null);
        String created = mvc.perform(
                        post("/api/v1/pipelines")
                                .with(ws.admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"name\": \"Renewals\", \"teamId\": " + east + ", \"stages\": ["
                                                + "{\"name\": \"Due\", \"kind\": \"OPEN\", \"probability\": 50, \"rottingDays\": 7},"
                                                + "{\"name\": \"Renewed\", \"kind\": \"WON\"}, {\"name\": \"Churned\", \"kind\": \"LOST\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.stages", hasSize(3)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long renewals = ((Number) JsonPath.read(created, "$.id")).longValue();
        mvc.perform(get("/api/v1/pipelines/" + renewals).with(outsider.basic())).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/pipelines")
                        .with(outsider.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Mine\", \"stages\": [{\"name\": \"A\", \"kind\": \"OPEN\"}]}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void accountsAndContacts() throws Exception {
        String account = mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Globex\", \"industry\": \"Energy\", \"country\": \"DE\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long accountId = ((Number) JsonPath.read(account, "$.id")).longValue();
        mvc.perform(
                        post("/api/v1/accounts/" + accountId + "/contacts")
                                .with(ws.admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(
                                        "{\"firstName\": \"Hank\", \"lastName\": \"Scorpio\", \"buyingRole\": \"DECISION_MAKER\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.buyingRole").value("DECISION_MAKER"));
        mvc.perform(get("/api/v1/accounts/" + accountId).with(ws.admin()))
                .andExpect(jsonPath("$.contactCount").value(1));
        mvc.perform(get("/api/v1/accounts/" + accountId)
                        .with(workspaces.create().admin()))
                .andExpect(status().isNotFound());
    }
}
