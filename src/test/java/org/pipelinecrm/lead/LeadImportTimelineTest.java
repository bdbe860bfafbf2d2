package org.pipelinecrm.lead;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Leads written by the bulk insert of an import get the same row and timeline as one created by hand. */
@IntegrationTest
class LeadImportTimelineTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void anImportedLeadHasItsRowAndItsImportedEntryByTheImporter() throws Exception {
        var ws = workspaces.create();
        String csv = "externalId,firstName,lastName,email,company,industry,companySize\n"
                + "x-1,Sara,Tabrizi,sara@tabriz.test,Tabriz Textiles,Software,250\n";
        var file = new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(file)
                        .param("entity", "leads")
                        .with(ws.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long job = ((Number) JsonPath.read(body, "$.id")).longValue();
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + job).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE"))
                        .andExpect(jsonPath("$.imported").value(1)));

        String list = mvc.perform(get("/api/v1/leads?q=Tabrizi").with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = ((Number) JsonPath.read(list, "$.items[0].id")).longValue();
        mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("NEW"))
                .andExpect(jsonPath("$.externalId").value("x-1"))
                .andExpect(jsonPath("$.companySize").value(250))
                .andExpect(jsonPath("$.score").value(30))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andExpect(jsonPath("$.timeline.length()").value(1))
                .andExpect(jsonPath("$.timeline[0].kind").value("CREATED"))
                .andExpect(jsonPath("$.timeline[0].detail").value(LeadWording.IMPORTED))
                .andExpect(jsonPath("$.timeline[0].actorId").value(ws.adminId()))
                .andExpect(jsonPath("$.timeline[0].occurredAt").isNotEmpty());
    }
}
