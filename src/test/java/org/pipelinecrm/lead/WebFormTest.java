package org.pipelinecrm.lead;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class WebFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Workspaces settings;

    @Autowired
    UserDetailsService users;

    private String key(TestWorkspaces.Workspace ws) {
        return workspaces.as(ws.adminEmail(), () -> settings.current().formKey());
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    @Test
    void theSnippetToPasteSpeaksTheLanguageOfWhoeverCopiesIt() throws Exception {
        var ws = workspaces.create();
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/settings/web-form").with(admin).cookie(new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("placeholder=&quot;نام خانوادگی&quot;")))
                .andExpect(content().string(containsString("dir=&quot;rtl&quot;")))
                .andExpect(content().string(containsString("&gt;ارسال&lt;/button&gt;")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Last name"))));
        mvc.perform(get("/settings/web-form").with(admin))
                .andExpect(content().string(containsString("placeholder=&quot;Last name&quot;")))
                .andExpect(content().string(containsString("&gt;Send&lt;/button&gt;")));
    }

    @Test
    void aVisitorsSubmissionBecomesAScoredCqlLeadAndAKnownVisitorIsNotDuplicated() throws Exception {
        var ws = workspaces.create();
        String key = key(ws);
        mvc.perform(get("/forms/" + key))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("web-form")));
        // Posted from another website: no sign-in, no CSRF token.
        mvc.perform(post("/forms/" + key)
                        .with(from("192.0.2.10"))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("firstName", "Laleh")
                        .param("lastName", "Rostami")
                        .param("email", "laleh@visitor.test")
                        .param("company", "Rostami GmbH")
                        .param("message", "Please call me")
                        .param("website", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("web-form-thanks")));
        mvc.perform(get("/api/v1/leads?q=rostami").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].type").value("CQL"))
                .andExpect(jsonPath("$.items[0].source").value("Web form"))
                .andExpect(jsonPath("$.items[0].scoreBreakdown[?(@.rule =~ /FORM_SUBMITTED.*/)].points")
                        .value(15));
        // The same visitor again, through the JSON endpoint: the event lands on the existing lead.
        mvc.perform(post("/api/v1/forms/" + key)
                        .with(from("192.0.2.10"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Rostami\", \"email\": \"LALEH@visitor.test\"}"))
                .andExpect(status().isAccepted());
        mvc.perform(get("/api/v1/leads?q=rostami").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].scoreBreakdown[?(@.rule =~ /FORM_SUBMITTED.*/)].points")
                        .value(30));
    }

    @Test
    void robotsUnknownKeysBadFieldsAndFloodsAreTurnedAway() throws Exception {
        var ws = workspaces.create();
        String key = key(ws);
        mvc.perform(post("/forms/" + key)
                        .with(from("192.0.2.20"))
                        .param("lastName", "Bot")
                        .param("email", "bot@spam.test")
                        .param("website", "http://spam.test"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("web-form-thanks")));
        mvc.perform(get("/api/v1/leads?q=bot").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));

        mvc.perform(post("/forms/unknown-key").param("lastName", "X").param("email", "x@x.test"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/forms/" + key)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"X\", \"email\": \"not-an-email\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/forms/" + key)
                        .with(from("192.0.2.20"))
                        .param("lastName", "")
                        .param("email", "x@x.test"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")));

        for (int i = 0; i < 20; i++) {
            mvc.perform(post("/api/v1/forms/" + key)
                    .with(from("192.0.2.30"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"lastName\": \"Flood\", \"email\": \"flood@spam.test\", \"website\": \"x\"}"));
        }
        mvc.perform(post("/api/v1/forms/" + key)
                        .with(from("192.0.2.30"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Flood\", \"email\": \"flood@spam.test\"}"))
                .andExpect(status().isTooManyRequests());
        mvc.perform(post("/forms/" + key)
                        .with(from("192.0.2.30"))
                        .param("lastName", "Flood")
                        .param("email", "f@x.test"))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void theSettingsPageShowsTheSnippetAndAnAdminCanIssueANewKey() throws Exception {
        var ws = workspaces.create();
        String old = key(ws);
        var admin = user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/settings/web-form").with(admin))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("/forms/" + old)))
                .andExpect(content().string(containsString("name=&quot;website&quot;")));
        mvc.perform(post("/settings/web-form/key").with(admin).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/forms/" + old).param("lastName", "Late").param("email", "late@x.test"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/forms/" + key(ws))).andExpect(status().isOk());
    }
}
