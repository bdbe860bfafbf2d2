package org.pipelinecrm.importing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@IntegrationTest
class ImportsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    private long upload(TestWorkspaces.Workspace ws, String csv) throws Exception {
        var file = new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        // The file's own names for two fields, where it has those columns (a mapping to a missing column is refused).
        String header = csv.lines().findFirst().orElse("");
        String mapping = "{" + (header.contains("Prospect ID") ? "\"externalId\": \"Prospect ID\"" : "")
                + (header.contains("Prospect ID") && header.contains("Lead Source") ? ", " : "")
                + (header.contains("Lead Source") ? "\"source\": \"Lead Source\"" : "") + "}";
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(file)
                        .param("entity", "leads")
                        .param("mapping", mapping)
                        .with(ws.admin()))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void awaitDone(TestWorkspaces.Workspace ws, long id) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
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
                .andExpect(jsonPath("$.errors[1].row").value(5))
                .andExpect(jsonPath("$.errors[1].message").value("companySize: not a whole number: many"))
                .andExpect(jsonPath("$.errors[1].code").value("notWholeNumber"));
        // the import page says why in the reader's language
        mvc.perform(
                        get("/imports/" + id)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.user(
                                        users.loadUserByUsername(ws.adminEmail())))
                                .cookie(new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("ستون companySize عدد صحیح نیست: many")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("ستون email نشانی ایمیل نیست: not-an-email")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("not a whole number"))));
        mvc.perform(get("/api/v1/leads?q=acme").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].company").value("Acme, Inc"));
        mvc.perform(get("/api/v1/leads?q=پارسیان").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].lastName").value("رضایی"));

        long again = upload(ws, "Prospect ID,lastName,title\np-1,Ahmadi,CTO\n");
        awaitDone(ws, again);
        mvc.perform(get("/api/v1/imports/" + again).with(ws.admin()))
                .andExpect(jsonPath("$.updated").value(1));
        mvc.perform(get("/api/v1/leads?q=acme").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].title").value("CTO"));
    }

    @Test
    void findsDuplicatesAgainstTheWorkspaceAndEarlierRowsOfTheSameFile() throws Exception {
        var ws = workspaces.create();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/leads")
                        .contentType("application/json")
                        .with(ws.admin())
                        .content("{\"firstName\":\"Old\",\"lastName\":\"Lead\",\"email\":\"old@x.test\"}"))
                .andExpect(status().isCreated());
        String csv = "Prospect ID,firstName,lastName,email,company\n"
                + "d-1,Same,Mail,OLD@x.test ,\n" // row 2: same e-mail as the existing lead
                + "d-2,Nima,Karimi,nima@x.test,Delta Co\n" // row 3: new
                + "d-3,nima ,karimi,other@x.test,delta  co\n" // row 4: same company + name as row 3
                + "d-4,Mo,Tavakoli,mo@x.test,\n" // row 5: new
                + "d-4,Mo,Tavakoli,mo@x.test,Epsilon\n" // row 6: same external id as row 5: updates it
                + "d-5,Ana,Bell,mo@X.test,\n"; // row 7: same e-mail as row 5
        long id = upload(ws, csv);
        awaitDone(ws, id);
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.updated").value(1))
                .andExpect(jsonPath("$.skipped").value(3))
                .andExpect(jsonPath("$.errors[0].row").value(2))
                .andExpect(jsonPath("$.errors[0].message", containsString("duplicate")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[2].row").value(7));
        mvc.perform(get("/api/v1/leads?q=tavakoli").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].company").value("Epsilon"));
        mvc.perform(get("/api/v1/leads?q=karimi").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void theApiRefusesAMappingToAColumnTheFileLacks() throws Exception {
        var ws = workspaces.create();
        var file = new MockMultipartFile(
                "file", "leads.csv", "text/csv", "lastName\nX\n".getBytes(StandardCharsets.UTF_8));
        mvc.perform(multipart("/api/v1/imports")
                        .file(file)
                        .param("entity", "leads")
                        .param("mapping", "{\"email\": \"Mail\"}")
                        .with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("no column Mail")));
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
        var file = new MockMultipartFile(
                "file",
                "l.csv",
                "text/csv",
                "Last Name,E-mail Address,Notes\nGood,good@x.test,vip\n,missing@x.test,\n"
                        .getBytes(StandardCharsets.UTF_8));
        String mapping = mvc.perform(
                        multipart("/imports")
                                .file(file)
                                .param("entity", "leads")
                                .with(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String location = mapping.replace("/mapping", "");
        // Suggested by name: "Last Name" → lastName, "E-mail Address" → email; the preview shows the first rows.
        mvc.perform(get(mapping).with(admin))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("<option value=\"Last Name\" selected=\"selected\">")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("<option value=\"E-mail Address\" selected=\"selected\">")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("good@x.test")));
        // Changing a select renders the preview again with the new choice.
        mvc.perform(post(location + "/preview")
                        .with(admin)
                        .with(csrf())
                        .param("field.lastName", "Last Name")
                        .param("field.email", "")
                        .param("field.title", "Notes"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("vip")))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.not(containsString("good@x.test"))));
        // A needed field without a column, or a column the file lacks, is refused with a clear message.
        mvc.perform(post(location + "/start").with(admin).with(csrf()).param("field.lastName", ""))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Choose a column for lastName")));
        mvc.perform(post(location + "/start").with(admin).with(csrf()).param("field.lastName", "Surname"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("no column Surname")));
        mvc.perform(get(location).with(admin)).andExpect(status().is3xxRedirection());
        mvc.perform(post(location + "/start")
                        .with(admin)
                        .with(csrf())
                        .param("field.lastName", "Last Name")
                        .param("field.email", "E-mail Address"))
                .andExpect(status().is3xxRedirection());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> mvc.perform(get(location).with(admin).header("HX-Request", "true"))
                        .andExpect(status().isOk())
                        .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                                .string(containsString("import-errors"))));
        mvc.perform(get(location + "/errors.csv").with(admin))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("3,")));
    }
}
