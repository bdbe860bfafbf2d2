package org.pipelinecrm.shared.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** Inputs that used to answer 500 answer 400 naming the field (or are read correctly). */
@IntegrationTest
class NoServerErrorTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    private ResultActions send(MockHttpServletRequestBuilder request, TestWorkspaces.Workspace ws, String json)
            throws Exception {
        return mvc.perform(
                request.with(ws.admin()).contentType(MediaType.APPLICATION_JSON).content(json));
    }

    private static void refused(ResultActions answer, String field, String code) throws Exception {
        answer.andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value(field))
                .andExpect(jsonPath("$.errors[0].code").value(code));
    }

    private long lead(TestWorkspaces.Workspace ws) throws Exception {
        String body = send(post("/api/v1/leads"), ws, "{\"lastName\":\"Rahimi\",\"company\":\"Pars\"}")
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    @Test
    void aNulCharacterInJsonTextAQueryOrACursorIsAFieldError() throws Exception {
        var ws = workspaces.create();
        refused(send(post("/api/v1/accounts"), ws, "{\"name\":\"Acme\\u0000Inc\"}"), "name", "nul-character");
        refused(mvc.perform(get("/api/v1/leads").param("q", "a\u0000b").with(ws.admin())), "q", "nul-character");
        refused(
                mvc.perform(get("/api/v1/board").param("cursor", "\u0000").with(ws.admin())),
                "cursor",
                "nul-character");
    }

    @Test
    void activitiesAreValidatedAsOtherRecordsAre() throws Exception {
        var ws = workspaces.create();
        long lead = lead(ws);
        refused(send(post("/api/v1/activities"), ws, """
                {"kind":"CALL","recordType":"LEAD","recordId":%d,"subject":"Call","durationMinutes":-5}
                """.formatted(lead)), "durationMinutes", "min");
        refused(send(post("/api/v1/activities"), ws, """
                {"kind":"NOTE","recordType":"LEAD","recordId":%d,"subject":"Note","body":"%s"}
                """.formatted(lead, "x".repeat(1_000_000))), "body", "size");
        refused(send(post("/api/v1/activities"), ws, """
                {"kind":"NOTE","recordType":"LEAD","recordId":%d,"subject":"Note","occurredAt":"+10000-01-01T00:00:00Z"}
                """.formatted(lead)), "occurredAt", "date-out-of-range");
    }

    @Test
    void hugeNumbersAndPagesPastTheEndAreFieldErrors() throws Exception {
        var ws = workspaces.create();
        refused(
                send(post("/api/v1/accounts"), ws, "{\"name\":\"Acme\",\"annualRevenue\":1e300}"),
                "annualRevenue",
                "number-out-of-range");
        refused(
                mvc.perform(get("/api/v1/accounts").param("page", "2147483647").with(ws.admin())),
                "page",
                "page-out-of-range");
    }

    @Test
    void eventTypesAreAKnownList() throws Exception {
        var ws = workspaces.create();
        long lead = lead(ws);
        refused(send(post("/api/v1/leads/" + lead + "/events"), ws, "{\"type\":\"HACKED\"}"), "type", "one-of");
        send(post("/api/v1/leads/" + lead + "/events"), ws, "{\"type\":\"HACKED\"}")
                .andExpect(jsonPath("$.errors[0].message", containsString("DEMO_REQUESTED")));
        send(post("/api/v1/leads/" + lead + "/events"), ws, "{\"type\":\"demo_requested\"}")
                .andExpect(status().isCreated());
    }

    @Test
    void anImportMappingThatIsNotJsonNamesTheParameter() throws Exception {
        var ws = workspaces.create();
        var file = new MockMultipartFile(
                "file", "leads.csv", "text/csv", "lastName\nX\n".getBytes(StandardCharsets.UTF_8));
        refused(
                mvc.perform(multipart("/api/v1/imports")
                        .file(file)
                        .param("entity", "leads")
                        .param("mapping", "{oops")
                        .with(ws.admin())),
                "mapping",
                "json");
    }

    @Test
    void aLatinOneFileIsReadAsSuchAndAnAmbiguousOneIsRefused() throws Exception {
        var ws = workspaces.create();
        var latin = new MockMultipartFile(
                "file",
                "leads.csv",
                "text/csv",
                "lastName,company\nMüller,Café Zürich\n".getBytes(StandardCharsets.ISO_8859_1));
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(latin)
                        .param("entity", "leads")
                        .with(ws.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        mvc.perform(get("/api/v1/leads").param("q", "Müller").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].company").value("Café Zürich"));

        // Cyrillic in Windows-1251 reads as neither Latin words nor Arabic script: refused, not garbled
        var cyrillic = new MockMultipartFile(
                "file",
                "leads.csv",
                "text/csv",
                "lastName,company\nИванов,Газпром\n".getBytes(Charset.forName("windows-1251")));
        mvc.perform(multipart("/api/v1/imports")
                        .file(cyrillic)
                        .param("entity", "leads")
                        .with(ws.admin())
                        .header("Accept-Language", "fa"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("import.mapping.error.encoding"))
                .andExpect(jsonPath("$.detail", containsString("UTF-8")))
                .andExpect(jsonPath("$.detail", containsString("فایل")));
    }

    @Test
    void aReturnAddressWithALineBreakGoesToTheDefault() throws Exception {
        var ws = workspaces.create();
        long lead = lead(ws);
        mvc.perform(post("/tasks/" + task(ws, lead) + "/complete")
                        .param("returnTo", "/leads\r\nSet-Cookie: stolen=1")
                        .with(user(users.loadUserByUsername(ws.adminEmail())))
                        .with(csrf()))
                .andExpect(redirectedUrl("/tasks"));
        mvc.perform(post("/tasks/" + task(ws, lead) + "/complete")
                        .param("returnTo", "/leads/" + lead + "?tab=tasks")
                        .with(user(users.loadUserByUsername(ws.adminEmail())))
                        .with(csrf()))
                .andExpect(redirectedUrl("/leads/" + lead + "?tab=tasks"));
    }

    @Test
    void exportsRefuseWrongParametersNamingThem() throws Exception {
        var ws = workspaces.create();
        refused(
                mvc.perform(get("/api/v1/exports/leads").param("q", "a\u0000b").with(ws.admin())),
                "q",
                "nul-character");
        refused(
                mvc.perform(
                        get("/api/v1/exports/leads").param("minScore", "lots").with(ws.admin())),
                "minScore",
                "whole-number");
        mvc.perform(get("/api/v1/exports/opportunities")
                        .param("status", "maybe")
                        .with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/exports/unicorns").with(user(users.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/privacy/subjects/erase")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"leadIds\":[null]}"))
                .andExpect(status().isBadRequest());
    }

    private long task(TestWorkspaces.Workspace ws, long lead) throws Exception {
        String task = send(post("/api/v1/tasks"), ws, """
                {"title":"Call back","dueAt":"2026-12-01T10:00:00Z","recordType":"LEAD","recordId":%d}
                """.formatted(lead))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(task, "$.id")).longValue();
    }
}
