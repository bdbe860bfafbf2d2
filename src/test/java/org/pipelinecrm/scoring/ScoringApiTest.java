package org.pipelinecrm.scoring;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ScoringApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aNewWorkspaceHasDefaultRulesAndChangingThemRescoresEveryLead() throws Exception {
        var ws = workspaces.create();
        mvc.perform(get("/api/v1/scoring/rules").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mqlThreshold").value(50))
                .andExpect(jsonPath("$.behaviourRules[?(@.eventType == 'UNSUBSCRIBED')].points")
                        .value(-30));
        String lead = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Rescored\", \"industry\": \"Retail\"}"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(lead, "$.id")).longValue();

        mvc.perform(put("/api/v1/scoring/rules")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"fitRules": [{"field": "industry", "operator": "EQUALS", "value": "retail", "points": 60}],
                 "behaviourRules": [{"eventType": "PAGE_VISIT", "points": 1}],
                 "decayPercentPerWeek": 0, "mqlThreshold": 50, "sqlThreshold": 90, "version": 0}
                """))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(1));

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.score").value(60))
                        .andExpect(jsonPath("$.type").value("MQL")));
    }

    @Test
    void onlyAdminsAndMarketersChangeRulesAndStaleVersionsConflict() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        String body = """
                {"fitRules": [], "behaviourRules": [], "decayPercentPerWeek": 0, "mqlThreshold": 10,
                 "sqlThreshold": 20, "version": %d}
                """;
        mvc.perform(put("/api/v1/scoring/rules")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(0)))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/scoring/rules")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(0)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/scoring/rules")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body.formatted(0)))
                .andExpect(status().isConflict());
    }

    @Test
    void theSettingsPageShowsAndSavesTheModel() throws Exception {
        var ws = workspaces.create();
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/settings/scoring").with(admin)).andExpect(status().isOk());
        mvc.perform(
                        post("/settings/scoring")
                                .with(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("version", "0")
                                .param("fit[0].field", "country")
                                .param("fit[0].operator", "NOT_IN")
                                .param("fit[0].value", "Iran")
                                .param("fit[0].points", "-20")
                                .param("behaviour[0].eventType", "page_visit")
                                .param("behaviour[0].points", "4")
                                .param("decayPercentPerWeek", "5")
                                .param("mqlThreshold", "40")
                                .param("sqlThreshold", "70"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/scoring/rules").with(ws.admin()))
                .andExpect(jsonPath("$.fitRules.length()").value(1))
                .andExpect(jsonPath("$.behaviourRules[0].eventType").value("PAGE_VISIT"))
                .andExpect(jsonPath("$.mqlThreshold").value(40));
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;
}
