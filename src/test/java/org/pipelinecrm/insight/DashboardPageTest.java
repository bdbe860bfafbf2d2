package org.pipelinecrm.insight;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class DashboardPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    @Autowired
    FiscalYears fiscalYears;

    @Test
    void aManagerChoosesTeamsAndARepSeesOnlyTheirOwnFigures() throws Exception {
        var ws = workspaces.create();
        long team = workspaces.addTeam(ws, "North");
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        var rep = workspaces.addPerson(ws, Role.SALES_REP, team);
        mvc.perform(get("/dashboard").with(user(users.loadUserByUsername(manager.email()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"teamId\"")))
                .andExpect(content().string(containsString("North")))
                .andExpect(content().string(containsString("Win rate")))
                .andExpect(content().string(containsString("Deals closed won in the period divided by")));
        mvc.perform(get("/dashboard").with(user(users.loadUserByUsername(rep.email()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("My dashboard")))
                .andExpect(content().string(not(containsString("id=\"teamId\""))));
    }

    @Test
    void inPersianTheDashboardReadsRightToLeftWithSolarHijriPeriods() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        workspaces.as(ws.adminEmail(), () -> {
            fiscalYears.change(new FiscalYears.Setting(FiscalCalendar.PERSIAN, 1));
            return null;
        });
        mvc.perform(get("/dashboard")
                        .with(user(users.loadUserByUsername(manager.email())))
                        .cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dir=\"rtl\"")))
                .andExpect(content().string(containsString("نرخ موفقیت")))
                .andExpect(content().string(containsString("داشبورد فروش")))
                .andExpect(content().string(containsString("آذر")))
                .andExpect(content().string(containsString("۱۴۰۵")));
    }

    @Test
    void builtInCloseReasonsReadInTheReadersLanguage() throws Exception {
        var ws = workspaces.create();
        String pipelines = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long pipeline = ((Number) com.jayway.jsonpath.JsonPath.read(pipelines, "$[0].id")).longValue();
        for (String close : new String[] {
            "{\"outcome\": \"LOST\", \"reason\": \"competitor\"}",
            "{\"outcome\": \"WON\", \"reason\": \"relationship\"}"
        }) {
            String deal = mvc.perform(post("/api/v1/opportunities")
                            .with(ws.admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"name\": \"Deal\", \"amount\": \"100\", \"pipelineId\": " + pipeline + "}"))
                    .andExpect(status().isCreated())
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            long id = ((Number) com.jayway.jsonpath.JsonPath.read(deal, "$.id")).longValue();
            mvc.perform(post("/api/v1/opportunities/" + id + "/close")
                            .with(ws.admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(close))
                    .andExpect(status().isOk());
        }
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/dashboard").with(admin).cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&quot;رقیب&quot;")))
                .andExpect(content().string(containsString(">رابطه</span>")))
                .andExpect(content().string(not(containsString("Competitor"))))
                .andExpect(content().string(not(containsString("Relationship"))));
        mvc.perform(get("/dashboard").with(admin))
                .andExpect(content().string(containsString("&quot;Competitor&quot;")))
                .andExpect(content().string(containsString(">Relationship</span>")));
    }
}
