package org.pipelinecrm.lead.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
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
import jakarta.servlet.http.Cookie;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.support.TestWorkspaces.Workspace;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The handoff inbox refuses a rejection without a chosen reason, or "other" without a note, naming the field. */
@IntegrationTest
class HandoffInboxTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Value("${spring.datasource.url}")
    String url;

    @Value("${spring.datasource.username}")
    String appUser;

    @Value("${spring.datasource.password}")
    String appPassword;

    @Test
    void aRejectionNeedsAChosenReasonAndOtherNeedsANote() throws Exception {
        var ws = workspaces.create();
        long lead = handedOff(ws, "Nazari");

        mvc.perform(post("/leads/inbox/" + lead + "/reject")
                        .with(page(ws))
                        .with(csrf())
                        .header("HX-Request", "true")
                        .param("reason", "")
                        .param("note", "")
                        .param("version", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Choose why you reject this lead.")))
                .andExpect(content()
                        .string(allOf(
                                containsString("id=\"reject-reason-" + lead + "\""), containsString("is-invalid"))));
        mvc.perform(post("/leads/inbox/" + lead + "/reject")
                        .with(page(ws))
                        .with(csrf())
                        .param("version", "1"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/leads/inbox/" + lead + "/reject")
                        .with(page(ws))
                        .with(csrf())
                        .param("reason", "NO_SUCH_REASON")
                        .param("version", "1"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/leads/inbox/" + lead + "/reject")
                        .with(page(ws))
                        .with(csrf())
                        .param("reason", "OTHER")
                        .param("note", "  ")
                        .param("version", "1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Say why in a note when the reason is")))
                .andExpect(content().string(not(containsString("Choose why you reject this lead."))));
        // the API holds the same rule
        mvc.perform(post("/api/v1/leads/" + lead + "/reject")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"OTHER\", \"version\": 1}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("note")));
        assertThat(leadStatus(ws, lead)).isEqualTo("HANDED_OFF");

        mvc.perform(post("/leads/inbox/" + lead + "/reject")
                        .with(page(ws))
                        .with(csrf())
                        .param("reason", "OTHER")
                        .param("note", "A reseller")
                        .param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Rejected")));
        mvc.perform(get("/api/v1/leads/" + lead).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("REJECTED"))
                .andExpect(jsonPath("$.reason").value("OTHER"))
                .andExpect(jsonPath("$.reasonNote").value("A reseller"));
    }

    @Test
    void acceptingSelectedLeadsSkipsOneChangedMeanwhile() throws Exception {
        var ws = workspaces.create();
        long fresh = handedOff(ws, "Karimi");
        long stale = handedOff(ws, "Amini");
        mvc.perform(post("/leads/inbox/accept")
                        .with(page(ws))
                        .with(csrf())
                        .param("lead", fresh + ":1", stale + ":0", "not-a-lead"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("accepted", 1))
                .andExpect(flash().attribute("skipped", 2));
        assertThat(leadStatus(ws, fresh)).isEqualTo("ACCEPTED");
        assertThat(leadStatus(ws, stale)).isEqualTo("HANDED_OFF");
    }

    @Test
    void leadsPastTheSlaAreMarkedWithHowLateInTheReadersLanguage() throws Exception {
        var ws = workspaces.create(); // the default SLA is 24 hours
        long hoursLate = handedOff(ws, "Karimi");
        long daysLate = handedOff(ws, "Amini");
        long onTime = handedOff(ws, "Nazari");
        try (Connection db = DriverManager.getConnection(url, appUser, appPassword)) {
            db.createStatement().execute("select set_config('app.tenant_id', '" + ws.id() + "', false)");
            db.createStatement()
                    .execute("update lead set handed_off_at = now() - interval '30 hours 10 minutes' " + "where id = "
                            + hoursLate);
            db.createStatement()
                    .execute("update lead set handed_off_at = now() - interval '96 hours' where id = " + daysLate);
        }
        String page = mvc.perform(get("/leads/inbox").with(page(ws)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(row(page, hoursLate)).contains("table-danger").contains("6 h late");
        assertThat(row(page, daysLate)).contains("table-danger").contains("3 days late");
        assertThat(row(page, onTime)).doesNotContain("table-danger").doesNotContain("late");
        String persian = mvc.perform(get("/leads/inbox").with(page(ws)).cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(row(persian, hoursLate)).contains("۶ ساعت دیرکرد");
        assertThat(row(persian, daysLate)).contains("۳ روز دیرکرد");
    }

    @Test
    void lateLeadsSayHowLateInHoursThenDays() {
        var sla = new HandoffInbox.Sla(Duration.ofHours(24));
        Instant now = Instant.now();
        assertThat(sla.overdue(now.minus(Duration.ofHours(23)), now)).isFalse();
        assertThat(sla.late(now.minus(Duration.ofMinutes(24 * 60 + 10)), now)).isEqualTo(1);
        assertThat(sla.lateByDays(now.minus(Duration.ofHours(26)), now)).isFalse();
        assertThat(sla.late(now.minus(Duration.ofHours(26)), now)).isEqualTo(2);
        assertThat(sla.lateByDays(now.minus(Duration.ofHours(24 + 73)), now)).isTrue();
        assertThat(sla.late(now.minus(Duration.ofHours(24 + 73)), now)).isEqualTo(3);
    }

    private static String row(String page, long lead) {
        int start = page.indexOf("id=\"inbox-lead-" + lead + "\"");
        return page.substring(page.lastIndexOf("<tr", start), page.indexOf("</tr>", start));
    }

    private RequestPostProcessor page(Workspace ws) {
        return user(users.loadUserByUsername(ws.adminEmail()));
    }

    private long handedOff(Workspace ws, String lastName) throws Exception {
        long id = ((Number) JsonPath.read(
                        mvc.perform(post("/api/v1/leads")
                                        .with(ws.admin())
                                        .contentType(MediaType.APPLICATION_JSON)
                                        .content("{\"lastName\": \"%s\", \"company\": \"Parsian\", \"type\": \"MQL\"}"
                                                .formatted(lastName)))
                                .andExpect(status().isCreated())
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.id"))
                .longValue();
        mvc.perform(post("/api/v1/leads/" + id + "/handoff")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"ready\"}"))
                .andExpect(status().isOk());
        return id;
    }

    private String leadStatus(Workspace ws, long lead) throws Exception {
        return JsonPath.read(
                mvc.perform(get("/api/v1/leads/" + lead).with(ws.admin()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.status");
    }
}
