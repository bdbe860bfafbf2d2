package org.pipelinecrm.qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** What the application writes on a lead's timeline reads in the reader's language; what people typed stays as typed. */
@IntegrationTest
class LeadTimelineLanguageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Autowired
    Leads leads;

    @Test
    void scorecardChangesAndTheConversionReadInPersianAndStillInEnglish() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), """
                {"lastName": "Rahimi", "company": "Parsian Systems", "type": "MQL", "source": "Webinar"}""");
        json(put("/api/v1/leads/" + id + "/qualification"), ws.admin(), """
                {"budget": {"status": "MET", "note": "بودجه کنار گذاشته شد"}, "need": {"status": "NOT_MET"},
                 "organizationLevel": "PASSED", "version": 0}""", 200);

        String persian = timeline(ws, id, "fa");
        assertThat(persian)
                .contains(
                        "تغییر کارت ارزیابی",
                        "بودجه: برآورده شده",
                        "نیاز: برآورده نشده",
                        "سطح سازمان: تأیید شده",
                        "یادداشت بودجه: «بودجه کنار گذاشته شد»",
                        "سرنخ MQL (واجد شرایط بازاریابی) از Webinar")
                .doesNotContain("Budget", "BUDGET=", "NOT_MET", "Scorecard changed", " from ");
        assertThat(timeline(ws, id, "en"))
                .contains(
                        "Budget: Met",
                        "Need: Not met",
                        "Organization level: Passed",
                        "Budget note: “بودجه کنار گذاشته شد”",
                        "MQL lead from Webinar");

        String card = mvc.perform(get("/api/v1/leads/" + id + "/qualification").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        LocalDate purchase = LocalDate.of(2027, 3, 21); // 1 Farvardin 1406
        json(
                put("/api/v1/leads/" + id + "/qualification"),
                ws.admin(),
                QualificationApiTest.ALL_MET.formatted(
                        purchase, ((Number) JsonPath.read(card, "$.version")).longValue()),
                200);
        String converted = json(post("/api/v1/leads/" + id + "/convert"), ws.admin(), """
                {"opportunityName": "Parsian CRM rollout", "amount": "25000.00"}""", 201);
        long opportunity = ((Number) JsonPath.read(converted, "$.opportunityId")).longValue();

        persian = timeline(ws, id, "fa");
        assertThat(persian)
                .contains(
                        "تاریخ پیش‌بینی‌شدهٔ خرید: ۱ فروردین ۱۴۰۶",
                        "وضعیت تغییر کرد",
                        "واجد شرایط",
                        "تبدیل شد",
                        "فرصت فروش #" + opportunity,
                        "/opportunities/" + opportunity)
                .doesNotContain("Expected purchase", "Converted", "QUALIFIED", "Opportunity #");
        assertThat(timeline(ws, id, "en")).contains("Expected purchase: Mar 21, 2027", "Opportunity #" + opportunity);
    }

    @Test
    void scoreMilestonesBehaviourAndTheHandoffReadInPersianWithTheNotesAsTyped() throws Exception {
        var ws = workspaces.create();
        long sales = workspaces.addTeam(ws, "Sales");
        long id = lead(
                ws.admin(),
                "{\"lastName\": \"Karimi\", \"company\": \"Kavir Steel\", \"email\": \"karimi@kavir.example\"}");
        json(post("/api/v1/leads/" + id + "/events"), ws.admin(), "{\"type\": \"DEMO_REQUESTED\"}", 201);
        json(post("/api/v1/leads/" + id + "/events"), ws.admin(), "{\"type\": \"MEETING_BOOKED\"}", 201);
        String lead = json(
                post("/api/v1/leads/" + id + "/handoff"),
                ws.admin(),
                "{\"teamId\": %d, \"note\": \"قیمت خواستند\"}".formatted(sales),
                200);
        json(
                post("/api/v1/leads/" + id + "/reject"),
                ws.admin(),
                "{\"reason\": \"NO_BUDGET\", \"note\": \"سال بعد\", \"version\": %d}"
                        .formatted(((Number) JsonPath.read(lead, "$.version")).longValue()),
                200);

        String persian = timeline(ws, id, "fa");
        assertThat(persian)
                .contains(
                        "درخواست دمو",
                        "رزرو جلسه",
                        "به MQL ارتقا یافت",
                        "به آستانهٔ MQL (۵۰) رسید",
                        "به فروش واگذار شد",
                        "قیمت خواستند",
                        "فروش رد کرد",
                        "بودجه ندارد: سال بعد",
                        "سرنخ ارزیابی‌نشده")
                .doesNotContain("DEMO_REQUESTED", "MEETING_BOOKED", "reached the", "NO_BUDGET", "SCORE=", "Score ");
        assertThat(timeline(ws, id, "en"))
                .contains("Asked for a demo", "reached the MQL threshold of 50", "No budget: سال بعد");

        // the score's explanation beside the timeline, too
        assertThat(page("/leads/" + id, ws, "fa"))
                .contains("درخواست دمو ×۱", "ایمیل پر شده است")
                .doesNotContain("DEMO_REQUESTED", "email present");
        assertThat(page("/leads/" + id, ws, "en")).contains("Asked for a demo ×1", "E-mail is filled in");
    }

    @Test
    void entriesWrittenBeforeTheyWereStoredAsCodesShowAsTheyAre() throws Exception {
        var ws = workspaces.create();
        long id = lead(ws.admin(), "{\"lastName\": \"Novak\"}");
        workspaces.as(ws.adminEmail(), () -> {
            leads.record(id, "QUALIFICATION", "Budget: MET · Need note: “they will call back”", CurrentUser.actor());
            leads.record(id, "PROMOTED", "Score 55 reached the MQL threshold 50", CurrentUser.actor());
            leads.record(id, "CREATED", "MQL from Webinar", CurrentUser.actor());
            return null;
        });
        assertThat(timeline(ws, id, "fa"))
                .contains(
                        "تغییر کارت ارزیابی",
                        "Budget: MET · Need note: “they will call back”",
                        "Score 55 reached the MQL threshold 50",
                        "MQL from Webinar");
    }

    private long lead(RequestPostProcessor who, String body) throws Exception {
        return ((Number) JsonPath.read(json(post("/api/v1/leads"), who, body, 201), "$.id")).longValue();
    }

    private String json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            RequestPostProcessor who,
            String body,
            int expected)
            throws Exception {
        return mvc.perform(request.with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(expected))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The lead's timeline as its page loads it, for a reader of the language. */
    private String timeline(TestWorkspaces.Workspace ws, long id, String language) throws Exception {
        page("/leads/" + id, ws, language);
        return page("/timeline?recordType=LEAD&recordId=" + id, ws, language);
    }

    private String page(String path, TestWorkspaces.Workspace ws, String language) throws Exception {
        return mvc.perform(get(path)
                        .with(user(users.loadUserByUsername(ws.adminEmail())))
                        .cookie(new Cookie("crm-lang", language)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
