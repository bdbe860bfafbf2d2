package org.pipelinecrm.importing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ImportsApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestWorkspaces workspaces;

    private long upload(TestWorkspaces.Workspace ws, String csv) throws Exception {
        var file = new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        String body = mvc.perform(multipart("/api/v1/imports").file(file).param("entity", "leads")
                        .param("mapping", "{\"externalId\": \"Prospect ID\", \"source\": \"Lead Source\"}").with(ws.admin()))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void awaitDone(TestWorkspaces.Workspace ws, long id) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("DONE")));
    }

    @Test
    void importsGoodRowsReportsBadOnesAndUpdatesOnReimport() throws Exception {
        var ws = workspaces.create();
        // BOM, CRLF, quoted field with a comma, a trailing empty column, Persian text, and two bad rows.
        String csv = "\uFEFFProspect ID,firstName,lastName,email,company,companySize,Lead Source,\r\n"
                + "p-1,Sara,Ahmadi,sara@x.test,\"Acme, Inc\",250,Google,\r\n"
                + "p-2,علی,رضایی,ali@x.test,پارسیان,12,Referral,\r\n"
                + "p-3,No,Email,not-an-email,Beta,5,Google,\r\n"
                + "p-4,Big,Company,big@x.test,Gamma,many,Google,\r\n";
        long id = upload(ws, csv);
        awaitDone(ws, id);
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].message", containsString("email")))
                .andExpect(jsonPath("$.errors[1].row").value(5));
        mvc.perform(get("/api/v1/leads?q=acme").with(ws.admin())).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].company").value("Acme, Inc"));
        mvc.perform(get("/api/v1/leads?q=پارسیان").with(ws.admin())).andExpect(jsonPath("$.items[0].lastName").value("رضایی"));

        long again = upload(ws, "Prospect ID,lastName,title\np-1,Ahmadi,CTO\n");
        awaitDone(ws, again);
        mvc.perform(get("/api/v1/imports/" + again).with(ws.admin())).andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/leads?q=acme").with(ws.admin())).andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("CTO"));
    }

    @Test
    void anotherWorkspacesImportIsNotFound() throws Exception {
        var mine = workspaces.create();
        var theirs = workspaces.create();
        long id = upload(theirs, "lastName\nX\n");
        mvc.perform(get("/api/v1/imports/" + id).with(mine.admin())).andExpect(status().isNotFound());
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void thePageUploadsShowsProgressAndOffersTheBadRowsAsCsv() throws Exception {
        var ws = workspaces.create();
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/imports/new").with(admin)).andExpect(status().isOk());
        var file = new MockMultipartFile("file", "l.csv", "text/csv",
                "lastName,email\nGood,good@x.test\n,missing@x.test\n".getBytes(StandardCharsets.UTF_8));
        String location = mvc.perform(multipart("/imports").file(file).param("entity", "leads").with(admin)
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> mvc.perform(get(location).with(admin)
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("import-errors"))));
        mvc.perform(get(location + "/errors.csv").with(admin)).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("3,")));
    }
}
