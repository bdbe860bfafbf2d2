package org.pipelinecrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/** Numbers, dates and phone numbers typed with a Persian keyboard are read as the numbers they are. */
@IntegrationTest
class PersianDigitsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    @Test
    void theApiReadsAmountsCountsAndDatesInPersianAndArabicIndicDigits() throws Exception {
        var ws = workspaces.create();
        String body = mvc.perform(post("/api/v1/opportunities")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"قرارداد ۱۴۰۵\", \"amount\": \"۱٬۲۵۰٬۰۰۰٫۵۰\", \"probability\": \"٤٠\","
                                + " \"expectedCloseDate\": \"۲۰۲۷-۰۱-۳۱\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(1250000.5))
                .andExpect(jsonPath("$.probability").value(40))
                .andExpect(jsonPath("$.expectedCloseDate").value("2027-01-31"))
                // free text keeps the digits it was written with
                .andExpect(jsonPath("$.name").value("قرارداد ۱۴۰۵"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.amount").value(1250000.5));
    }

    @Test
    void aPersianNumberThatIsNoNumberIsAFieldErrorInPersian() throws Exception {
        var ws = workspaces.create();
        mvc.perform(post("/api/v1/opportunities")
                        .with(ws.admin())
                        .header("Accept-Language", "fa")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Deal\", \"amount\": \"۱۲الف\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"))
                .andExpect(jsonPath("$.errors[0].code").value("number"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.matchesPattern(".*[A-Za-z].*"))));
    }

    @Test
    void phoneNumbersAreStoredWithLatinDigits() throws Exception {
        var ws = workspaces.create();
        mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"۱۴۰۳\", \"phone\": \"+۹۸ ۹۱۲ ۳۴۵ ٦٧٨٩\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.phone").value("+98 912 345 6789"))
                .andExpect(jsonPath("$.lastName").value("۱۴۰۳"));
    }

    @Test
    void theDealFormReadsAGroupedPersianAmount() throws Exception {
        var ws = workspaces.create();
        var me = user(users.loadUserByUsername(ws.adminEmail()));
        String pipelines = mvc.perform(get("/api/v1/pipelines").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long pipelineId = ((Number) JsonPath.read(pipelines, "$[0].id")).longValue();
        String location = mvc.perform(post("/opportunities")
                        .with(me)
                        .with(csrf())
                        .cookie(new Cookie("crm-lang", "fa"))
                        .param("name", "توسعه")
                        .param("pipelineId", String.valueOf(pipelineId))
                        .param("amount", "۲٬۵۰۰٫۷۵")
                        .param("probability", "۳۵")
                        .param("expectedCloseDate", "۲۰۲۷-۰۲-۰۱")
                        .param("ownerId", String.valueOf(ws.adminId())))
                .andExpect(redirectedUrlPattern("/opportunities/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get("/api/v1" + location).with(ws.admin()))
                .andExpect(jsonPath("$.amount").value(2500.75))
                .andExpect(jsonPath("$.probability").value(35))
                .andExpect(jsonPath("$.expectedCloseDate").value("2027-02-01"));
        String leads = mvc.perform(get("/leads").with(me).param("minScore", "۱۰"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(leads).doesNotContain("is-invalid");
    }
}
