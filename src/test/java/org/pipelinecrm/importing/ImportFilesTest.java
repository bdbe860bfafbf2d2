package org.pipelinecrm.importing;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Lead files as people save them: UTF-16 from Excel's "Unicode text", Windows-1256 Persian from an older Excel,
 * semicolons and tabs, a quoted note spanning lines, other systems' headers; bad cells named by row, column and
 * value in the reader's language.
 */
@IntegrationTest
class ImportFilesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserDetailsService users;

    private long upload(TestWorkspaces.Workspace ws, byte[] file) throws Exception {
        String body = mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "leads.csv", "text/csv", file))
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
        return id;
    }

    @Test
    void utf16WithSemicolonsQuotedNewlinesAndOtherSystemsHeaders() throws Exception {
        var ws = workspaces.create();
        String text = "\uFEFFSurname;Given Name;Organisation;Position;Sector;Employees;E-mail Address\r\n"
                + "Ahmadi;Sara;\"Acme; Inc\nHead office\";CTO;Retail;1,250;sara@x.test\r\n"
                + "Müller;Jörg;Bäckerei Müller;Owner;Food;۱۲;joerg@x.test\r\n";
        long id = upload(ws, text.getBytes(StandardCharsets.UTF_16LE)); // the BOM says little-endian
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(0));
        mvc.perform(get("/api/v1/leads?q=ahmadi").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].company").value("Acme; Inc\nHead office"))
                .andExpect(jsonPath("$.items[0].title").value("CTO"))
                .andExpect(jsonPath("$.items[0].industry").value("Retail"))
                .andExpect(jsonPath("$.items[0].companySize").value(1250))
                .andExpect(jsonPath("$.items[0].ownerId").value(ws.adminId()));
        mvc.perform(get("/api/v1/leads?q=müller").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].firstName").value("Jörg"))
                .andExpect(jsonPath("$.items[0].companySize").value(12));
    }

    @Test
    void windows1256PersianWithTabsAndPersianHeaders() throws Exception {
        var ws = workspaces.create();
        // Windows-1256 has no Persian yeh: old files have the Arabic one (ي), read back as Persian (ی)
        String text = "نام\tنام خانوادگي\tشرکت\tسمت\tايميل\n"
                + "علي\tرضايي\tپارسيان\tمدير فروش\tali@x.test\n"
                + "مريم\tکريمي\tتوسن\tکارشناس\tmaryam@x.test\n";
        byte[] file = text.getBytes(Charset.forName("windows-1256"));
        org.assertj.core.api.Assertions.assertThat(new String(file, Charset.forName("windows-1256")))
                .isEqualTo(text);
        long id = upload(ws, file);
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(2));
        mvc.perform(get("/api/v1/leads?q=پارسیان").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].firstName").value("علی"))
                .andExpect(jsonPath("$.items[0].lastName").value("رضایی"))
                .andExpect(jsonPath("$.items[0].title").value("مدیر فروش"));
    }

    @Test
    void badCellsNameTheRowTheColumnAndTheValueInTheReadersLanguage() throws Exception {
        var ws = workspaces.create();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/leads")
                        .contentType("application/json")
                        .with(ws.admin())
                        .content("{\"lastName\":\"Old\",\"email\":\"old@x.test\"}"))
                .andExpect(status().isCreated());
        String csv = "Surname,E-mail,Employees,Revenue\n"
                + "Good,good@x.test,10,1000\n"
                + "Bad mail,bad@,10,1000\n"
                + "Many,many@x.test,lots,1000\n"
                + "Rich,rich@x.test,10,a fortune\n"
                + "Again,OLD@x.test,,\n";
        long id = upload(ws, csv.getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].code").value("notEmail"))
                .andExpect(jsonPath("$.errors[0].column").value("E-mail"))
                .andExpect(jsonPath("$.errors[1].column").value("Employees"))
                .andExpect(jsonPath("$.errors[2].column").value("Revenue"))
                .andExpect(jsonPath("$.errors[3].code").value("duplicateLead"));
        var admin = SecurityMockMvcRequestPostProcessors.user(users.loadUserByUsername(ws.adminEmail()));
        mvc.perform(get("/imports/" + id).with(admin).cookie(new jakarta.servlet.http.Cookie("crm-lang", "fa")))
                .andExpect(content().string(containsString("ستون E-mail نشانی ایمیل نیست: bad@")))
                .andExpect(content().string(containsString("ستون Employees عدد صحیح نیست: lots")))
                .andExpect(content().string(containsString("ستون Revenue عدد نیست: a fortune")))
                .andExpect(content().string(containsString("class=\"ms-1 duplicate-link\" href=\"/leads/")));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWithAClearReason() throws Exception {
        var ws = workspaces.create();
        byte[] noise = new byte[200];
        new java.util.Random(7).nextBytes(noise);
        noise[0] = (byte) 0x9D; // undefined in Windows-1252, and not UTF-8
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", noise))
                        .param("entity", "leads")
                        .with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("import.mapping.error.encoding"));
        // told the encoding, a file that is not in it says so
        mvc.perform(multipart("/api/v1/imports")
                        .file(new MockMultipartFile(
                                "file",
                                "x.csv",
                                "text/csv",
                                "lastName\n\u00e9\n".getBytes(Charset.forName("ISO-8859-1"))))
                        .param("entity", "leads")
                        .param("encoding", "UTF-8")
                        .with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("import.mapping.error.notInEncoding"));
    }
}
