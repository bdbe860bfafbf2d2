package org.pipelinecrm.customfield;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** A deal import maps a column to a custom field; a value the field refuses skips its row. */
@IntegrationTest
class FieldImportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void aColumnMappedToAFieldFillsItsValues() throws Exception {
        var ws = workspaces.create();
        mvc.perform(post("/api/v1/fields")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recordKind\": \"OPPORTUNITY\", \"key\": \"region\", \"label\": \"Region\","
                                + " \"type\": \"SELECT\", \"options\": [\"EMEA\", \"APAC\"]}"))
                .andExpect(status().isCreated());
        String csv = """
                Deal ID,Deal Name,Stage,Created,Sales Region
                D-1,Berlin rollout,Proposal,2026-01-05,EMEA
                D-2,Tokyo rollout,Proposal,2026-01-06,apac
                D-3,Mars rollout,Proposal,2026-01-07,Mars
                """;
        var file = new MockMultipartFile("file", "deals.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(file)
                        .param("entity", "opportunities")
                        .param(
                                "mapping",
                                "{\"externalId\": \"Deal ID\", \"name\": \"Deal Name\", \"stage\": \"Stage\", \"openedAt\": \"Created\","
                                        + " \"cf.region\": \"Sales Region\"}")
                        .with(ws.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(1))
                .andExpect(jsonPath("$.errors[0].message", containsString("EMEA")));
        mvc.perform(get("/api/v1/opportunities?cf.region=APAC").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].name").value("Tokyo rollout"))
                .andExpect(jsonPath("$.items[0].customFields.region").value("APAC"));
        mvc.perform(get("/api/v1/opportunities?cf.region=EMEA").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].name").value("Berlin rollout"));
    }
}
