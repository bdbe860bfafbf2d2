package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class LeadBulkActionsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    private String lead(TestWorkspaces.Workspace ws, String name, String type) throws Exception {
        String body = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"" + name + "\", \"type\": \"" + type + "\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return String.valueOf(((Number) JsonPath.read(body, "$.id")).longValue());
    }

    @Test
    void selectedLeadsChangeOnlyOnceConfirmedAndLeadsThatCannotAreReported() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        String mql = lead(ws, "Ready", "MQL");
        String cold = lead(ws, "Cold", "UNQUALIFIED");

        mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "assign")
                        .param("ids", mql, cold)
                        .param("ownerId", String.valueOf(rep.id())))
                .andExpect(flash().attribute("bulkError", "lead.bulk.confirmFirst"));
        mvc.perform(get("/api/v1/leads/" + mql).with(ws.admin()))
                .andExpect(jsonPath("$.ownerId").isEmpty());

        mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "assign")
                        .param("ids", mql, cold)
                        .param("ownerId", String.valueOf(rep.id()))
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("bulk", new BulkOutcome(2, java.util.List.of())));
        mvc.perform(get("/api/v1/leads/" + cold).with(ws.admin()))
                .andExpect(jsonPath("$.ownerId").value(rep.id()));

        // Only an MQL can be handed off: the other lead is skipped and named, with why in the reader's language.
        // The outcome travels to the list page in the (database-backed) session, as in a browser.
        var handedOff = mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "handoff")
                        .param("ids", mql, cold)
                        .param("confirmed", "true"))
                .andExpect(result -> {
                    BulkOutcome outcome = (BulkOutcome) result.getFlashMap().get("bulk");
                    org.assertj.core.api.Assertions.assertThat(outcome.changed())
                            .isEqualTo(1);
                    org.assertj.core.api.Assertions.assertThat(outcome.skipped())
                            .extracting(BulkOutcome.Skipped::leadId)
                            .containsExactly(Long.valueOf(cold));
                })
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/leads").with(admin).cookie(handedOff))
                .andExpect(content()
                        .string(containsString(
                                "#" + cold + ": Only a marketing-qualified lead (MQL) can be handed off")));
        var again = mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "handoff")
                        .param("ids", cold)
                        .param("confirmed", "true"))
                .andReturn()
                .getResponse()
                .getCookie("SESSION");
        mvc.perform(get("/leads").with(admin).cookie(again, new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(content()
                        .string(containsString(
                                "#" + cold + ": فقط سرنخ واجد شرایط بازاریابی (MQL) را می‌توان به فروش واگذار کرد.")))
                .andExpect(content().string(not(containsString("Only an MQL"))));
        mvc.perform(get("/api/v1/leads/" + mql).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("HANDED_OFF"));
        mvc.perform(get("/api/v1/leads/" + cold).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("NEW"));

        mvc.perform(post("/leads/bulk")
                        .with(admin)
                        .with(csrf())
                        .param("action", "disqualify")
                        .param("ids", cold)
                        .param("reason", "NOT_A_FIT")
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/leads/" + cold).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("DISQUALIFIED"));
    }
}
