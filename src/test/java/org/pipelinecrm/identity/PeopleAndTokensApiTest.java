package org.pipelinecrm.identity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class PeopleAndTokensApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void anAdminAddsTeamsAndPeopleWhoThenSignIn() throws Exception {
        var ws = workspaces.create();
        String team = mvc.perform(post("/api/v1/teams")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Inside Sales\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long teamId = ((Number) JsonPath.read(team, "$.id")).longValue();
        String email = "rep-" + ws.suffix() + "@test.example";
        mvc.perform(post("/api/v1/users")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"email\": \"" + email + "\", \"name\": \"Rep\", \"password\": \"rep-password-1\","
                                + " \"role\": \"SALES_REP\", \"teamId\": " + teamId + "}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/me").with(httpBasic(email, "rep-password-1")))
                .andExpect(jsonPath("$.role").value("SALES_REP"))
                .andExpect(jsonPath("$.teamId").value(teamId))
                .andExpect(jsonPath("$.workspaceId").value(ws.id()));
    }

    @Test
    void onlyAdminsManagePeople() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(post("/api/v1/teams")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Mine\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aDeactivatedPersonCannotSignInButStillExists() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(patch("/api/v1/users/{id}", rep.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"active\": false, \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false));
        mvc.perform(get("/api/v1/me").with(rep.basic())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users/{id}", rep.id()).with(ws.admin()))
                .andExpect(jsonPath("$.name").exists());
    }

    @Test
    void aStaleVersionIsAConflictNotAnOverwrite() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(patch("/api/v1/users/{id}", rep.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"First\", \"version\": 0}"))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/v1/users/{id}", rep.id())
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Second\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/users/{id}", rep.id()).with(ws.admin()))
                .andExpect(jsonPath("$.name").value("First"));
    }

    @Test
    void anApiTokenWorksUntilItIsRevokedAndIsShownOnlyOnce() throws Exception {
        var ws = workspaces.create();
        String issued = mvc.perform(post("/api/v1/tokens")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Website\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String token = JsonPath.read(issued, "$.token");
        long id = ((Number) JsonPath.read(issued, "$.id")).longValue();

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workspaceId").value(ws.id()));
        mvc.perform(get("/api/v1/tokens").with(ws.admin()))
                .andExpect(jsonPath("$[0].name").value("Website"))
                .andExpect(jsonPath("$[0].token").doesNotExist());

        mvc.perform(delete("/api/v1/tokens/{id}", id).header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void repeatedWrongPasswordsDelayTheAccountForAWhile() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        org.springframework.test.web.servlet.request.RequestPostProcessor from = request -> {
            request.setRemoteAddr("192.0.2.10");
            return request;
        };
        for (int i = 0; i < 6; i++) {
            mvc.perform(get("/api/v1/me")
                            .with(httpBasic(rep.email(), "wrong-" + i))
                            .with(from))
                    .andExpect(status().isUnauthorized());
        }
        // even the right password waits now: guessing cannot go on at speed
        mvc.perform(get("/api/v1/me").with(rep.basic()).with(from)).andExpect(status().isTooManyRequests());
    }
}
