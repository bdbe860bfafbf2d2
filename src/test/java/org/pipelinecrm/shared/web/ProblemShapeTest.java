package org.pipelinecrm.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every API error is one problem shape: type, title, status, detail in the reader's language, a stable code. */
@IntegrationTest
class ProblemShapeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ApiErrors apiErrors;

    @LocalServerPort
    int port;

    private static ResultActions problem(ResultActions answer, int status, String code) throws Exception {
        return answer.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("https://pipelinecrm.org/problems/" + code))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.detail").isNotEmpty())
                .andExpect(jsonPath("$.code").value(code))
                .andExpect(content().string(not(containsString("java"))))
                .andExpect(content().string(not(containsString("Jackson"))));
    }

    @Test
    void whatNoEndpointTakesIsAProblem() throws Exception {
        var ws = workspaces.create();
        served(signedIn("/api/v1/no-such-thing", ws).build(), 404, "not-found");
        served(signedIn("/api/v1/accounts", ws).DELETE().build(), 405, "method-not-allowed");
        served(
                signedIn("/api/v1/accounts", ws)
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("name=Acme"))
                        .build(),
                415,
                "unsupported-media-type");
    }

    /** Errors before any controller only show on the real server, which sends them through its error page. */
    private static void served(HttpRequest request, int status, String code) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body())
                .contains("\"type\":\"https://pipelinecrm.org/problems/" + code + "\"")
                .contains("\"code\":\"" + code + "\"")
                .contains("\"detail\":\"")
                .doesNotContain("java")
                .doesNotContain("Spring");
    }

    private HttpRequest.Builder signedIn(String path, TestWorkspaces.Workspace ws) {
        String credentials = ws.adminEmail() + ":" + TestWorkspaces.PASSWORD;
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString(credentials.getBytes()));
    }

    @Test
    void missingOrMistypedParametersAndUnreadableBodiesNameTheField() throws Exception {
        var ws = workspaces.create();
        problem(
                        mvc.perform(
                                get("/api/v1/activities").param("recordId", "1").with(ws.admin())),
                        400,
                        "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("recordType"))
                .andExpect(jsonPath("$.errors[0].code").value("required"));
        problem(mvc.perform(get("/api/v1/leads").param("page", "abc").with(ws.admin())), 400, "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("page"))
                .andExpect(jsonPath("$.errors[0].code").value("whole-number"));
        problem(
                        mvc.perform(get("/api/v1/opportunities")
                                .param("status", "NOPE")
                                .with(ws.admin())),
                        400,
                        "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].message", containsString("WON")));
        problem(
                mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": ")),
                400,
                "unreadable-body");
        problem(
                        mvc.perform(post("/api/v1/accounts")
                                .with(ws.admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Acme\", \"annualRevenue\": \"lots\"}")),
                        400,
                        "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("annualRevenue"))
                .andExpect(jsonPath("$.errors[0].code").value("number"));
    }

    @Test
    void fieldErrorsAndTheSecurityLayerSpeakTheReadersLanguage() throws Exception {
        var ws = workspaces.create();
        problem(
                        mvc.perform(post("/api/v1/accounts")
                                .with(ws.admin())
                                .header("Accept-Language", "fa")
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{}")),
                        400,
                        "validation-failed")
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].code").value("not-blank"))
                .andExpect(jsonPath("$.errors[0].message").value("این فیلد را پر کنید."));
        problem(mvc.perform(get("/api/v1/me")), 401, "sign-in-required")
                .andExpect(header().string("Content-Type", containsString("UTF-8")));
        problem(mvc.perform(get("/api/v1/me").header("Accept-Language", "fa")), 401, "sign-in-required")
                .andExpect(jsonPath("$.detail").value("با HTTP Basic یا یک توکن API وارد شوید."));
    }

    @Test
    void aBugIsAnInternalErrorThatEchoesNothing() throws Exception {
        // an endpoint with a bug, for this test only: the API's error advice answers it as it answers any
        MockMvc faulty = MockMvcBuilders.standaloneSetup(new FaultyEndpoint())
                .setControllerAdvice(apiErrors)
                .build();
        problem(faulty.perform(get("/api/v1/faulty")), 500, "internal-error")
                .andExpect(content().string(not(containsString("secret"))));
    }

    /** An IllegalArgumentException from a bug is no bad input: a logged 500, not a 400 that echoes it. */
    @RestController
    static class FaultyEndpoint {

        @GetMapping("/api/v1/faulty")
        String faulty() {
            throw new IllegalArgumentException("secret internals of org.example.Thing");
        }
    }

    @Test
    void longQueriesFitAndOverlongOnesAreAProblemNotTomcatsPage() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> long20k = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/leads?q=" + "a".repeat(20_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(long20k.statusCode()).isEqualTo(401);
        assertThat(long20k.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        HttpResponse<String> long80k = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/leads?q=" + "a".repeat(80_000)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(long80k.statusCode()).isEqualTo(400);
        assertThat(long80k.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(long80k.body()).contains("\"code\":\"request-too-large\"").doesNotContain("<html");
    }
}
