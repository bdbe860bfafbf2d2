package org.pipelinecrm.importing;

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

/** A Persian file's numbers are read in Persian digits, and its row errors are told to a Persian client in Persian. */
@IntegrationTest
class ImportErrorsLanguageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Test
    void persianDigitsImportAndRowErrorsReadPersian() throws Exception {
        var ws = workspaces.createPersian();
        String csv = "firstName,lastName,email,companySize,annualRevenue\n"
                + "علی,رضایی,ali@x.test,۲۵۰,۱٬۵۰۰٬۰۰۰\n"
                + "مینا,شمس,mina@x.test,زیاد,\n";
        var file = new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(file)
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
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()).header("Accept-Language", "fa"))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("notWholeNumber"))
                .andExpect(jsonPath("$.errors[0].message").value("ستون companySize عدد صحیح نیست: زیاد"));
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.errors[0].message").value("companySize: not a whole number: زیاد"));
        mvc.perform(get("/api/v1/leads").param("q", "رضایی").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].companySize").value(250))
                .andExpect(jsonPath("$.items[0].annualRevenue").value(1500000));
    }
}
