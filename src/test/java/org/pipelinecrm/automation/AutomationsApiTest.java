package org.pipelinecrm.automation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Timeline;
import org.pipelinecrm.activity.TimelineEntry;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class AutomationsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Timeline timeline;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    TestWorkspaces.Workspace ws;
    long pipelineId;
    long firstStage;
    long proposalStage;
    long wonStage;
    long lostStage;

    @BeforeEach
    void workspaceWithDefaultPipeline() throws Exception {
        ws = workspaces.create();
        String body = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        pipelineId = id(body, "$[0].id");
        firstStage = id(body, "$[0].stages[0].id");
        proposalStage = id(body, "$[0].stages[2].id");
        wonStage = id(body, "$[0].stages[7].id");
        lostStage = id(body, "$[0].stages[8].id");
    }

    @Test
    void aDealEnteringTheStageGetsTheTaskAsItsNextStepOnceAndTheRunIsOnItsTimeline() throws Exception {
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        String rule = mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Proposal follow-up",
                 "trigger":{"type":"STAGE_ENTERED","pipelineId":%d,"stageId":%d},
                 "actions":[{"type":"CREATE_TASK","title":"Call about the proposal","dueInDays":2},
                            {"type":"SET_FIELD","field":"probability","value":"60"},
                            {"type":"NOTIFY_OWNER","message":"Your deal reached Proposal"}]}""".formatted(pipelineId, proposalStage)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.trigger.type").value("STAGE_ENTERED"))
                .andExpect(jsonPath("$.actions.length()").value(3))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long ruleId = id(rule, "$.id");
        long deal = workspaces.addDeal(rep.email(), "Umbrella roll-out");

        // moving into another stage does nothing
        move(rep, deal, id(getDeal(deal), "$.stageId") == firstStage ? idOfStage(1) : firstStage);
        assertThat(tasksOf(deal)).isEmpty();

        move(rep, deal, proposalStage);
        assertThat(tasksOf(deal)).containsExactly("Call about the proposal");
        String board = mvc.perform(get("/api/v1/board?pipelineId=" + pipelineId).with(rep.basic()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> nextSteps =
                JsonPath.read(board, "$[?(@.stageId == " + proposalStage + ")].items[*].nextStep.title");
        assertThat(nextSteps).containsExactly("Call about the proposal");
        assertThat((String) JsonPath.read(getDeal(deal), "$.nextStep")).isEqualTo("Call about the proposal");
        assertThat((Integer) JsonPath.read(getDeal(deal), "$.probability")).isEqualTo(60);
        String assignee = mvc.perform(get("/api/v1/tasks")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + deal)
                        .with(rep.basic()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(id(assignee, "$.items[0].assigneeId")).isEqualTo(rep.id());
        mvc.perform(get("/api/v1/notifications").with(rep.basic()))
                .andExpect(jsonPath("$[0].text").value("Automation Proposal follow-up: Your deal reached Proposal"))
                .andExpect(jsonPath("$[0].link").value("/opportunities/" + deal));

        // the rule's own edit of the deal (probability) triggered no rule: one run, one task
        assertThat(runs(ruleId)).isEqualTo(1);

        List<String> titles = workspaces
                .as(rep.email(), () -> timeline.of(RecordType.OPPORTUNITY, deal, "AUTOMATION", 0, CurrentUser.actor()))
                .entries()
                .stream()
                .map(TimelineEntry::title)
                .toList();
        assertThat(titles)
                .contains(
                        "Automation Proposal follow-up created task Call about the proposal",
                        "Automation Proposal follow-up set probability to 60");

        // entering the stage again is a new trigger
        move(rep, deal, firstStage);
        move(rep, deal, proposalStage);
        assertThat(tasksOf(deal)).hasSize(2);
        assertThat(runs(ruleId)).isEqualTo(2);
    }

    @Test
    void wonAndLostDealsTriggerTheirRules() throws Exception {
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Kick-off","trigger":{"type":"DEAL_WON"},
                 "actions":[{"type":"CREATE_TASK","title":"Plan the kick-off","dueInDays":1}]}""")).andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Post-mortem","trigger":{"type":"DEAL_LOST","pipelineId":%d},
                 "actions":[{"type":"CREATE_TASK","title":"Write the loss review","dueInDays":3},
                            {"type":"EMAIL_OWNER","message":"A deal was lost"}]}""".formatted(pipelineId)))
                .andExpect(status().isCreated());
        long won = workspaces.addDeal(ws.adminEmail(), "Won one");
        long lost = workspaces.addDeal(ws.adminEmail(), "Lost one");
        mvc.perform(json(post("/api/v1/opportunities/{id}/close", won), """
                {"outcome":"WON","version":0}""")).andExpect(status().isOk());
        mvc.perform(json(post("/api/v1/opportunities/{id}/close", lost), """
                {"outcome":"LOST","reason":"competitor","version":0}""")).andExpect(status().isOk());
        assertThat(tasksOf(won)).containsExactly("Plan the kick-off");
        assertThat(tasksOf(lost)).containsExactly("Write the loss review");
        // no SMTP server in the tests: the run says the e-mail could not go
        assertThat(workspaces
                        .as(
                                ws.adminEmail(),
                                () -> timeline.of(RecordType.OPPORTUNITY, lost, "AUTOMATION", 0, CurrentUser.actor()))
                        .entries()
                        .stream()
                        .map(TimelineEntry::title))
                .anyMatch(t -> t.startsWith("Automation Post-mortem could not e-mail"));
    }

    @Test
    void aLeadReachingTheStatusTriggersItsRule() throws Exception {
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Recycle","trigger":{"type":"LEAD_STATUS","status":"DISQUALIFIED"},
                 "actions":[{"type":"CREATE_TASK","title":"Check back in a quarter","dueInDays":90}]}""")).andExpect(status().isCreated());
        String created = mvc.perform(json(post("/api/v1/leads"), """
                        {"firstName":"Grace","lastName":"Hopper","email":"grace@%s.test"}""".formatted(ws.suffix())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long lead = id(created, "$.id");
        assertThat(tasksOf(RecordType.LEAD, lead)).isEmpty();
        mvc.perform(json(post("/api/v1/leads/{id}/disqualify", lead), """
                {"reason":"NOT_A_FIT","version":%d}""".formatted(id(created, "$.version"))))
                .andExpect(status().isOk());
        assertThat(tasksOf(RecordType.LEAD, lead)).containsExactly("Check back in a quarter");
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> timeline.of(RecordType.LEAD, lead, null, 0, CurrentUser.actor()))
                        .entries()
                        .stream()
                        .map(TimelineEntry::title))
                .contains("Automation Recycle created task Check back in a quarter");
    }

    @Test
    void rulesAreCheckedWhenSavedChangedWithTheirVersionAndDeleted() throws Exception {
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Broken","trigger":{"type":"STAGE_ENTERED","pipelineId":%d},
                 "actions":[{"type":"CREATE_TASK","title":"x","dueInDays":1}]}""".formatted(pipelineId)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("trigger.stageId"));
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Broken","trigger":{"type":"LEAD_STATUS","status":"NEW"},
                 "actions":[{"type":"SET_FIELD","field":"probability","value":"50"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions"));
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Broken","trigger":{"type":"DEAL_WON"},
                 "actions":[{"type":"SET_FIELD","field":"probability","value":"150"}]}""")).andExpect(status().isBadRequest());
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Broken","trigger":{"type":"DEAL_WON"},"actions":[]}""")).andExpect(status().isBadRequest());
        long rule = id(
                mvc.perform(json(post("/api/v1/automations"), """
                        {"name":"Won","trigger":{"type":"DEAL_WON"},
                         "actions":[{"type":"NOTIFY_OWNER","message":"Well done"}]}"""))
                        .andExpect(status().isCreated())
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        mvc.perform(json(patch("/api/v1/automations/{id}", rule), """
                {"name":"Won deals","enabled":false,"version":0}"""))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Won deals"))
                .andExpect(jsonPath("$.enabled").value(false))
                .andExpect(jsonPath("$.actions[0].message").value("Well done"));
        mvc.perform(json(patch("/api/v1/automations/{id}", rule), """
                {"name":"Stale","version":0}""")).andExpect(status().isConflict());
        var other = workspaces.create();
        mvc.perform(get("/api/v1/automations/{id}", rule).with(other.admin())).andExpect(status().isNotFound());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(get("/api/v1/automations").with(rep.basic())).andExpect(status().isForbidden());
        mvc.perform(delete("/api/v1/automations/{id}", rule).with(ws.admin())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/automations/{id}", rule).with(ws.admin())).andExpect(status().isNotFound());
    }

    @Test
    void aRuleSetsACustomFieldCheckedAsTheApiChecksIt() throws Exception {
        mvc.perform(json(post("/api/v1/fields"), """
                {"recordKind":"OPPORTUNITY","key":"health","label":"Health","labelFa":"وضعیت",
                 "type":"SELECT","options":["Green","Amber","Red"]}""")).andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Bad option","trigger":{"type":"STAGE_ENTERED","pipelineId":%d,"stageId":%d},
                 "actions":[{"type":"SET_FIELD","field":"cf.health","value":"Blue"}]}""".formatted(pipelineId, proposalStage)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions"))
                .andExpect(jsonPath("$.errors[0].code").value("one-of"));
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"No such field","trigger":{"type":"STAGE_ENTERED","pipelineId":%d,"stageId":%d},
                 "actions":[{"type":"SET_FIELD","field":"cf.nope","value":"Red"}]}""".formatted(pipelineId, proposalStage)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions"));
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Proposal health","trigger":{"type":"STAGE_ENTERED","pipelineId":%d,"stageId":%d},
                 "actions":[{"type":"SET_FIELD","field":"cf.health","value":"amber"}]}""".formatted(pipelineId, proposalStage)))
                .andExpect(status().isCreated());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long deal = workspaces.addDeal(rep.email(), "Soylent pilot");
        assertThat((Map<?, ?>) JsonPath.read(getDeal(deal), "$.customFields")).isEmpty();

        move(rep, deal, proposalStage);
        assertThat((String) JsonPath.read(getDeal(deal), "$.customFields.health"))
                .isEqualTo("Amber");
        String filtered = mvc.perform(
                        get("/api/v1/opportunities?cf.health=Amber").with(ws.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<String>) JsonPath.read(filtered, "$.items[*].name")).containsExactly("Soylent pilot");
    }

    @Test
    void aLeadStatusRuleSetsALeadsCustomFieldCheckedAsTheApiChecksIt() throws Exception {
        mvc.perform(json(post("/api/v1/fields"), """
                {"recordKind":"LEAD","key":"temperature","label":"Temperature","labelFa":"گرمی",
                 "type":"SELECT","options":["Hot","Warm","Cold"]}""")).andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/fields"), """
                {"recordKind":"OPPORTUNITY","key":"health","label":"Health","labelFa":"وضعیت",
                 "type":"SELECT","options":["Green","Red"]}""")).andExpect(status().isCreated());
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Bad option","trigger":{"type":"LEAD_STATUS","status":"DISQUALIFIED"},
                 "actions":[{"type":"SET_FIELD","field":"cf.temperature","value":"Lukewarm"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions"))
                .andExpect(jsonPath("$.errors[0].code").value("one-of"));
        // a deal's field is not a lead's
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Deal field","trigger":{"type":"LEAD_STATUS","status":"DISQUALIFIED"},
                 "actions":[{"type":"SET_FIELD","field":"cf.health","value":"Red"}]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actions"));
        mvc.perform(json(post("/api/v1/automations"), """
                {"name":"Cool down","trigger":{"type":"LEAD_STATUS","status":"DISQUALIFIED"},
                 "actions":[{"type":"SET_FIELD","field":"cf.temperature","value":"cold"}]}""")).andExpect(status().isCreated());
        String created = mvc.perform(json(post("/api/v1/leads"), """
                        {"firstName":"Ada","lastName":"Lovelace","email":"ada@%s.test",
                         "customFields":{"temperature":"Hot"}}""".formatted(ws.suffix())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customFields.temperature").value("Hot"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long lead = id(created, "$.id");
        mvc.perform(json(post("/api/v1/leads/{id}/disqualify", lead), """
                {"reason":"NOT_A_FIT","version":%d}""".formatted(id(created, "$.version"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/leads/{id}", lead).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customFields.temperature").value("Cold"))
                .andExpect(jsonPath("$.status").value("DISQUALIFIED"))
                .andExpect(jsonPath("$.lastName").value("Lovelace"));
        String filtered = mvc.perform(get("/api/v1/leads?cf.temperature=Cold").with(ws.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((List<Object>) JsonPath.read(filtered, "$.items[*].id")).hasSize(1);
        assertThat(workspaces
                        .as(ws.adminEmail(), () -> timeline.of(RecordType.LEAD, lead, null, 0, CurrentUser.actor()))
                        .entries()
                        .stream()
                        .map(TimelineEntry::title))
                .anyMatch(t -> t.startsWith("Automation Cool down"));
    }

    private long idOfStage(int index) throws Exception {
        String body = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return id(body, "$[0].stages[" + index + "].id");
    }

    private String getDeal(long deal) throws Exception {
        return mvc.perform(get("/api/v1/opportunities/{id}", deal).with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private void move(TestWorkspaces.Person who, long deal, long stage) throws Exception {
        long version = id(getDeal(deal), "$.version");
        mvc.perform(post("/api/v1/opportunities/{id}/move", deal)
                        .with(who.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"stageId\":" + stage + ",\"version\":" + version + "}"))
                .andExpect(status().isOk());
    }

    private List<String> tasksOf(long deal) throws Exception {
        return tasksOf(RecordType.OPPORTUNITY, deal);
    }

    private List<String> tasksOf(RecordType type, long record) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/tasks")
                                .param("recordType", type.name())
                                .param("recordId", "" + record)
                                .with(ws.admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.items[*].title");
    }

    private long runs(long ruleId) {
        return TenantContext.callAs(
                ws.id(),
                () -> tx.execute(s -> jdbc.sql("select count(*) from automation_run where rule_id = ?")
                        .param(ruleId)
                        .query(Long.class)
                        .single()));
    }

    private MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.with(ws.admin()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private static long id(String json, String path) {
        return ((Number) JsonPath.read(json, path)).longValue();
    }
}
