package org.pipelinecrm.qualification;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class QualificationApiTest {

    static final String ALL_MET = """
            {"budget": {"status": "MET", "note": "Budget approved"}, "authority": {"status": "MET"},
             "need": {"status": "MET"}, "timeline": {"status": "MET", "expectedPurchaseDate": "%s"},
             "organizationLevel": "PASSED", "opportunityLevel": "PASSED", "stakeholderLevel": "PASSED",
             "version": %d}
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    long lead(RequestPostProcessor who, String json) throws Exception {
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

    String putCard(RequestPostProcessor who, long lead, String json, int expected) throws Exception {
        return mvc.perform(put("/api/v1/leads/" + lead + "/qualification")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void aNewLeadHasEveryLetterAndLevelUnknownAndSevenBlockers() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), "{\"lastName\": \"Ahmadi\", \"company\": \"Kavir Steel\"}");
        mvc.perform(get("/api/v1/leads/" + id + "/qualification").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.budget.status").value("UNKNOWN"))
                .andExpect(jsonPath("$.timeline.expectedPurchaseDate").doesNotExist())
                .andExpect(jsonPath("$.stakeholderLevel").value("UNKNOWN"))
                .andExpect(jsonPath("$.qualified").value(false))
                .andExpect(jsonPath("$.blockers", hasSize(7)))
                .andExpect(jsonPath("$.version").value(0));
    }

    @Test
    void answersShrinkTheBlockersAreRecordedOnTheTimelineAndQualifyTheLead() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), "{\"lastName\": \"Karimi\", \"company\": \"Arian Soft\"}");
        String first = putCard(ws.admin(), id, """
                {"budget": {"status": "MET", "note": "Set aside for Q3"}, "need": {"status": "NOT_MET"},
                 "organizationLevel": "PASSED", "version": 0}
                """, 200);
        org.assertj.core.api.Assertions.assertThat((Integer) JsonPath.read(first, "$.blockers.length()"))
                .isEqualTo(5);
        org.assertj.core.api.Assertions.assertThat((String) JsonPath.read(first, "$.budget.note"))
                .isEqualTo("Set aside for Q3");
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.timeline[0].kind").value("QUALIFICATION"))
                .andExpect(jsonPath("$.timeline[0].detail", org.hamcrest.Matchers.containsString("BUDGET=MET")))
                .andExpect(jsonPath("$.timeline[0].actorId").value(ws.adminId()));

        // someone who saw version 0 is too late now
        putCard(ws.admin(), id, ALL_MET.formatted(LocalDate.now().plusMonths(2), 0), 409);

        int version = JsonPath.read(first, "$.version");
        String done = putCard(ws.admin(), id, ALL_MET.formatted(LocalDate.now().plusMonths(2), version), 200);
        org.assertj.core.api.Assertions.assertThat((Boolean) JsonPath.read(done, "$.qualified"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat((Integer) JsonPath.read(done, "$.blockers.length()"))
                .isZero();
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("QUALIFIED"))
                .andExpect(jsonPath("$.qualifiedAt").exists());
    }

    @Test
    void aPurchaseMoreThanTwelveMonthsOutSuggestsNurture() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), "{\"lastName\": \"Rossi\"}");
        putCard(
                ws.admin(),
                id,
                "{\"timeline\": {\"status\": \"NOT_MET\", \"expectedPurchaseDate\": \""
                        + LocalDate.now().plusMonths(14) + "\"}}",
                200);
        mvc.perform(get("/api/v1/leads/" + id + "/qualification").with(ws.admin()))
                .andExpect(jsonPath("$.suggestNurture").value(true));
        putCard(
                ws.admin(),
                id,
                "{\"timeline\": {\"status\": \"MET\", \"expectedPurchaseDate\": \""
                        + LocalDate.now().plusMonths(6) + "\"}}",
                200);
        mvc.perform(get("/api/v1/leads/" + id + "/qualification").with(ws.admin()))
                .andExpect(jsonPath("$.suggestNurture").value(false));
    }

    @Test
    void convertingIsRefusedWithTheBlockersUntilQualified() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), "{\"lastName\": \"Novak\", \"company\": \"Helix Labs\"}");
        putCard(ws.admin(), id, "{\"budget\": {\"status\": \"MET\"}}", 200);
        mvc.perform(post("/api/v1/leads/" + id + "/convert")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opportunityName\": \"Helix CRM\", \"amount\": \"1000.00\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.blockers", hasSize(6)))
                .andExpect(jsonPath("$.blockers[*].topic", hasItem("AUTHORITY")))
                .andExpect(jsonPath("$.blockers[*].topic", not(hasItem("BUDGET"))));
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("NEW"));
        mvc.perform(get("/api/v1/accounts").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aQualifiedLeadBecomesAnAccountAContactAndADealInThePipelinesFirstOpenStage() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), """
                {"firstName": "Maryam", "lastName": "Rahimi", "email": "maryam@parsian.example", "company": "Parsian Systems",
                 "title": "CTO", "industry": "Software", "country": "Iran", "source": "Webinar"}
                """);
        putCard(ws.admin(), id, ALL_MET.formatted(LocalDate.now().plusMonths(3), 0), 200);
        String pipelines = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long pipelineId = ((Number) JsonPath.read(pipelines, "$[0].id")).longValue();
        long firstStage = ((Number) JsonPath.read(pipelines, "$[0].stages[0].id")).longValue();

        String converted = mvc.perform(post("/api/v1/leads/" + id + "/convert")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"opportunityName": "Parsian CRM rollout", "amount": "25000.00",
                                 "expectedCloseDate": "%s", "pipelineId": %d}
                                """.formatted(LocalDate.now().plusMonths(2), pipelineId)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long opportunityId = ((Number) JsonPath.read(converted, "$.opportunityId")).longValue();
        long accountId = ((Number) JsonPath.read(converted, "$.accountId")).longValue();
        long contactId = ((Number) JsonPath.read(converted, "$.contactId")).longValue();

        mvc.perform(get("/api/v1/opportunities/" + opportunityId).with(ws.admin()))
                .andExpect(jsonPath("$.stageId").value(firstStage))
                .andExpect(jsonPath("$.amount").value(25000.0))
                .andExpect(jsonPath("$.source").value("Webinar"))
                .andExpect(jsonPath("$.industry").value("Software"))
                .andExpect(jsonPath("$.accountId").value(accountId))
                .andExpect(jsonPath("$.contactId").value(contactId))
                .andExpect(jsonPath("$.sourceLeadId").value(id))
                .andExpect(jsonPath("$.convertedAt").exists());
        mvc.perform(get("/api/v1/accounts/" + accountId).with(ws.admin()))
                .andExpect(jsonPath("$.name").value("Parsian Systems"))
                .andExpect(jsonPath("$.domain").value("parsian.example"));
        mvc.perform(get("/api/v1/contacts/" + contactId).with(ws.admin()))
                .andExpect(jsonPath("$.lastName").value("Rahimi"))
                .andExpect(jsonPath("$.accountId").value(accountId));
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("CONVERTED"))
                .andExpect(jsonPath("$.convertedOpportunityId").value(opportunityId))
                .andExpect(jsonPath("$.convertedAccountId").value(accountId))
                .andExpect(jsonPath("$.convertedContactId").value(contactId))
                .andExpect(jsonPath("$.convertedAt").exists());

        // a second lead from the same company lands on the same account, found by its e-mail domain
        long colleague = lead(ws.admin(), """
                {"lastName": "Jafari", "email": "ali@parsian.example", "company": "Parsian Sys."}
                """);
        putCard(ws.admin(), colleague, ALL_MET.formatted(LocalDate.now().plusMonths(3), 0), 200);
        mvc.perform(post("/api/v1/leads/" + colleague + "/convert")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opportunityName\": \"Upsell\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.accountId").value(accountId));
        // converting twice is refused
        mvc.perform(post("/api/v1/leads/" + id + "/convert")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opportunityName\": \"Again\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aDisqualifiedLeadIsReopenedWithItsHistory() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), "{\"lastName\": \"Brown\"}");
        mvc.perform(post("/api/v1/leads/" + id + "/disqualify")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"TOO_EARLY\"}"))
                .andExpect(jsonPath("$.status").value("DISQUALIFIED"));
        mvc.perform(post("/api/v1/leads/" + id + "/reopen")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WORKING"));
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.timeline[*].kind", hasItem("DISQUALIFIED")))
                .andExpect(jsonPath("$.timeline[0].kind").value("REOPENED"));
    }

    @Test
    void anotherWorkspacesLeadIsNotFound() throws Exception {
        var mine = workspaces.create();
        var theirs = workspaces.create();
        long id = lead(theirs.admin(), "{\"lastName\": \"Hidden\"}");
        mvc.perform(get("/api/v1/leads/" + id + "/qualification").with(mine.admin()))
                .andExpect(status().isNotFound());
        putCard(mine.admin(), id, ALL_MET.formatted(LocalDate.now(), 0), 404);
        mvc.perform(post("/api/v1/leads/" + id + "/convert")
                        .with(mine.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opportunityName\": \"Stolen\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/leads/" + id + "/qualification").with(theirs.admin()))
                .andExpect(jsonPath("$.budget.status").value("UNKNOWN"));
    }
}
