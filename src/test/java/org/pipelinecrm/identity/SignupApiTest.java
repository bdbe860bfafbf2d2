package org.pipelinecrm.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class SignupApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    org.pipelinecrm.tenant.Workspaces workspaceSettings;

    @Autowired
    org.pipelinecrm.insight.FiscalYears fiscalYears;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    private static MockHttpServletRequestBuilder signup(String address, String body) {
        return post("/api/v1/signup")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(r -> {
                    r.setRemoteAddr(address);
                    return r;
                });
    }

    @Test
    void signUpCreatesAWorkspaceWhoseFirstUserIsItsAdmin() throws Exception {
        mvc.perform(signup("10.0.0.1", """
                        {"workspaceName": "Acme", "email": "founder@acme.test", "password": "long-enough-1", "name": "Founder"}
                        """))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.workspaceId").isNumber())
                .andExpect(jsonPath("$.userId").isNumber());

        mvc.perform(get("/api/v1/me").with(httpBasic("founder@acme.test", "long-enough-1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.email").value("founder@acme.test"));
    }

    @Test
    void aWorkspaceSignedUpInPersianStartsPersianAndOneInEnglishStaysEnglish() throws Exception {
        mvc.perform(signup("10.0.0.9", """
                        {"workspaceName": "پارسیان", "email": "modir@parsian.test", "password": "long-enough-1", "name": "مدیر"}
                        """).header("Accept-Language", "fa-IR,fa;q=0.9"))
                .andExpect(status().isCreated());
        var persian = httpBasic("modir@parsian.test", "long-enough-1");
        mvc.perform(get("/api/v1/pipelines").with(persian))
                .andExpect(jsonPath("$[0].name").value("فروش"))
                .andExpect(jsonPath("$[0].stages[0].name").value("شناسایی مشتریان بالقوه"))
                .andExpect(jsonPath("$[0].stages[1].exitCriteria[0]").value("بودجه معلوم است"));
        // rials, Tehran's days, the Solar Hijri year and a Persian admin
        workspaces.as("modir@parsian.test", () -> {
            var settings = workspaceSettings.current();
            org.assertj.core.api.Assertions.assertThat(settings.currency().name())
                    .isEqualTo("IRR");
            org.assertj.core.api.Assertions.assertThat(settings.timeZone().getId())
                    .isEqualTo("Asia/Tehran");
            org.assertj.core.api.Assertions.assertThat(
                            fiscalYears.current().calendar().name())
                    .isEqualTo("PERSIAN");
            return null;
        });
        String adminLanguage = workspaces.as(
                "modir@parsian.test",
                () -> tx.execute(t -> jdbc.sql("select locale from app_user where email = 'modir@parsian.test'")
                        .query(String.class)
                        .single()));
        org.assertj.core.api.Assertions.assertThat(adminLanguage)
                .as("the admin's language, which follows them at sign-in")
                .isEqualTo("fa");

        mvc.perform(signup("10.0.0.10", """
                        {"workspaceName": "Acme East", "email": "east@acme.test", "password": "long-enough-1", "name": "East"}
                        """).header("Accept-Language", "en-GB,en;q=0.9"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/pipelines").with(httpBasic("east@acme.test", "long-enough-1")))
                .andExpect(jsonPath("$[0].name").value("Sales"))
                .andExpect(jsonPath("$[0].stages[0].name").value("Prospecting"));
        workspaces.as("east@acme.test", () -> {
            org.assertj.core.api.Assertions.assertThat(
                            workspaceSettings.current().timeZone().getId())
                    .isEqualTo("UTC");
            org.assertj.core.api.Assertions.assertThat(
                            fiscalYears.current().calendar().name())
                    .isEqualTo("GREGORIAN");
            return null;
        });
    }

    @Test
    void invalidSignUpListsEveryBadField() throws Exception {
        mvc.perform(signup("10.0.0.2", """
                        {"workspaceName": "", "email": "not-an-email", "password": "short", "name": "X"}
                        """))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(3))
                .andExpect(jsonPath("$.errors[?(@.field == 'email')]").exists());
    }

    @Test
    void aSecondAccountWithTheSameEmailIsRefused() throws Exception {
        String body = """
                {"workspaceName": "Dup", "email": "dup@acme.test", "password": "long-enough-1", "name": "Dup"}
                """;
        mvc.perform(signup("10.0.0.3", body)).andExpect(status().isCreated());
        mvc.perform(signup("10.0.0.3", body)).andExpect(status().isConflict());
    }

    @Test
    void signUpIsRateLimitedPerAddress() throws Exception {
        for (int i = 0; i < 6; i++) {
            mvc.perform(signup(
                            "10.0.0.99",
                            "{\"workspaceName\": \"W\", \"email\": \"flood" + i + "@acme.test\", \"password\": \""
                                    + TestWorkspaces.PASSWORD + "\", \"name\": \"F\"}"))
                    .andExpect(status().is(i < 5 ? 201 : 429));
        }
    }
}
