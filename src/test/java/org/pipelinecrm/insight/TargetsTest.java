package org.pipelinecrm.insight;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class TargetsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    private static String target(String start, String end, String amount, String who) {
        return "{\"periodStart\": \"" + start + "\", \"periodEnd\": \"" + end + "\", \"amount\": \"" + amount + "\", "
                + who + "}";
    }

    @Test
    void aManagerSetsTargetsForARepAndATeam() throws Exception {
        var ws = workspaces.create();
        long team = workspaces.addTeam(ws, "East");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, team);
        var manager = workspaces.addPerson(ws, Role.MANAGER, team);
        mvc.perform(post("/api/v1/targets")
                        .with(manager.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target("2026-10-01", "2026-12-31", "150000.00", "\"ownerId\": " + rep.id())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.ownerId").value(rep.id()));
        mvc.perform(post("/api/v1/targets")
                        .with(manager.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target("2026-01-01", "2026-12-31", "900000", "\"teamId\": " + team)))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/targets").with(rep.basic()))
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].amount").value(150000.00));
    }

    @Test
    void badTargetsAreRefusedWithAReason() throws Exception {
        var ws = workspaces.create();
        var other = workspaces.create();
        long othersTeam = workspaces.addTeam(other, "Theirs");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(post("/api/v1/targets")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target("2026-12-31", "2026-01-01", "10", "\"ownerId\": " + rep.id())))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/targets")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target("2026-01-01", "2026-12-31", "-5", "\"ownerId\": " + rep.id())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(post("/api/v1/targets")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target(
                                "2026-01-01", "2026-12-31", "10", "\"ownerId\": " + rep.id() + ", \"teamId\": 1")))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/targets")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target("2026-01-01", "2026-12-31", "10", "\"teamId\": " + othersTeam)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/targets")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(target("2026-01-01", "2026-12-31", "10", "\"ownerId\": " + rep.id())))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSolarHijriMonthIsPickedOnThePageAndStoredAsItsDays() throws Exception {
        var ws = workspaces.create();
        var admin = users.loadUserByUsername(ws.adminEmail());
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(post("/targets/fiscal-year")
                        .with(user(admin))
                        .with(csrf())
                        .param("calendar", "PERSIAN")
                        .param("startMonth", "1"))
                .andExpect(redirectedUrl("/targets"));
        mvc.perform(get("/targets").with(user(admin)).cookie(new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(content().string(containsString("آذر")))
                .andExpect(content().string(containsString("۱۴۰۵")));
        mvc.perform(post("/targets")
                        .with(user(admin))
                        .with(csrf())
                        .param("forWhom", "user:" + rep.id())
                        .param("period", "MONTH:2026-11-22")
                        .param("amount", "5000000"))
                .andExpect(redirectedUrl("/targets"));
        mvc.perform(get("/api/v1/targets").with(ws.admin()))
                .andExpect(jsonPath("$[0].periodStart").value("2026-11-22"))
                .andExpect(jsonPath("$[0].periodEnd").value("2026-12-21"));
    }
}
