package org.pipelinecrm.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
class AccountsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aLikelyDuplicateAnswers409WithItsIdAndChangesCarryTheVersion() throws Exception {
        var ws = workspaces.create();
        String body = mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Alborz Insurance Ltd\", \"domain\": \"http://www.alborz.example/\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.domain").value("alborz.example"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"ALBORZ insurance\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingId").value(id));
        mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Alborz Group\", \"domain\": \"Alborz.example\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.existingId").value(id));
        mvc.perform(post("/api/v1/accounts?allowDuplicate=true")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Alborz Group\", \"domain\": \"alborz.example\"}"))
                .andExpect(status().isCreated());

        mvc.perform(put("/api/v1/accounts/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Alborz Insurance\", \"industry\": \"Insurance\", \"version\": 0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.industry").value("Insurance"))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(put("/api/v1/accounts/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Lost update\", \"version\": 0}"))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/accounts/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"\", \"version\": 1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/accounts/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.name").value("Alborz Insurance"));
        mvc.perform(put("/api/v1/accounts/" + id)
                        .with(workspaces.create().admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Theirs\", \"version\": 1}"))
                .andExpect(status().isNotFound());
    }
}
