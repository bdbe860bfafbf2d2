package org.pipelinecrm.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

@IntegrationTest
class ExportsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    private long post(RequestPostProcessor who, String path, String json) throws Exception {
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private byte[] export(RequestPostProcessor who, String entity, String format, String... params) throws Exception {
        var request = get("/api/v1/exports/" + entity).param("format", format).with(who);
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.containsString(entity + "-")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
    }

    private List<Map<String, String>> rows(RequestPostProcessor who, String entity, String format, String... params)
            throws Exception {
        byte[] file = export(who, entity, format, params);
        return format.equals("xlsx") ? ExportFiles.xlsx(file) : ExportFiles.csv(file);
    }

    @Test
    void leadsExportWithTheListsFiltersAndTheRepsVisibilityInBothFormats() throws Exception {
        var ws = workspaces.create();
        long team = workspaces.addTeam(ws, "Inside sales");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, team);
        long ours = post(ws.admin(), "/api/v1/leads", """
                {"firstName":"Sara","lastName":"Ahmadi","company":"Acme","email":"sara@acme.test","teamId":%d,
                 "annualRevenue":1250000.50,"source":"Webinar"}""".formatted(team));
        long otherSource = post(ws.admin(), "/api/v1/leads", """
                {"lastName":"Karimi","company":"Beta","teamId":%d,"source":"Referral"}""".formatted(team));
        long hidden = post(ws.admin(), "/api/v1/leads", """
                {"lastName":"Hidden","company":"Gamma","source":"Webinar"}""");
        var elsewhere = workspaces.create();
        long foreign = post(elsewhere.admin(), "/api/v1/leads", """
                {"lastName":"Foreign","company":"Delta","source":"Webinar"}""");

        for (String format : List.of("csv", "xlsx")) {
            assertThat(ExportFiles.ids(rows(ws.admin(), "leads", format, "source", "webinar")))
                    .containsExactly(ours, hidden);
            List<Map<String, String>> repRows = rows(rep.basic(), "leads", format);
            assertThat(ExportFiles.ids(repRows))
                    .containsExactly(ours, otherSource)
                    .doesNotContain(foreign);
            Map<String, String> sara = repRows.get(0);
            assertThat(sara.get("E-mail")).isEqualTo("sara@acme.test");
            assertThat(sara.get("Currency")).isEqualTo("USD");
            assertThat(new java.math.BigDecimal(sara.get("Annual revenue"))).isEqualByComparingTo("1250000.50");
        }
        assertThat(ExportFiles.ids(rows(elsewhere.admin(), "leads", "csv"))).containsExactly(foreign);
    }

    @Test
    void formulaCellsAreNeutralisedAndPersianTextRoundTripsWithPersianHeaders() throws Exception {
        var ws = workspaces.create();
        post(ws.admin(), "/api/v1/leads", """
                {"firstName":"=HYPERLINK(\\"http://evil.test\\")","lastName":"رضایی","company":"+98 پارسیان",
                 "title":"@SUM(A1)","industry":"-2+3"}""");
        for (String format : List.of("csv", "xlsx")) {
            byte[] file = mvc.perform(get("/api/v1/exports/leads")
                            .param("format", format)
                            .header("Accept-Language", "fa")
                            .with(ws.admin()))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsByteArray();
            var row = (format.equals("xlsx") ? ExportFiles.xlsx(file) : ExportFiles.csv(file)).get(0);
            assertThat(row.get("نام خانوادگی")).isEqualTo("رضایی");
            assertThat(row.get("نام")).isEqualTo("'=HYPERLINK(\"http://evil.test\")");
            assertThat(row.get("شرکت")).isEqualTo("'+98 پارسیان");
            assertThat(row.get("عنوان")).isEqualTo("'@SUM(A1)");
            assertThat(row.get("صنعت")).isEqualTo("'-2+3");
        }
    }

    @Test
    void dealsAccountsContactsActivitiesAndTasksExportWithTheirFiltersAndVisibility() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long adminDeal = workspaces.addDeal(ws.adminEmail(), "Admin's deal");
        long repDeal = workspaces.addDeal(rep.email(), "Rep's deal");
        long account = post(ws.admin(), "/api/v1/accounts", "{\"name\":\"Acme\",\"domain\":\"acme.test\"}");
        long contact = post(
                ws.admin(),
                "/api/v1/accounts/" + account + "/contacts",
                "{\"firstName\":\"Ali\",\"lastName\":\"Moradi\",\"email\":\"ali@acme.test\"}");
        long onAdminDeal = post(ws.admin(), "/api/v1/activities", """
                {"kind":"CALL","recordType":"OPPORTUNITY","recordId":%d,"subject":"Pricing call"}""".formatted(adminDeal));
        long onRepDeal = post(rep.basic(), "/api/v1/activities", """
                {"kind":"NOTE","recordType":"OPPORTUNITY","recordId":%d,"subject":"Rep's note"}""".formatted(repDeal));
        long adminTask = post(ws.admin(), "/api/v1/tasks", """
                {"title":"Send contract","dueAt":"2026-12-01T10:00:00Z","recordType":"OPPORTUNITY","recordId":%d}""".formatted(adminDeal));
        long repTask = post(rep.basic(), "/api/v1/tasks", """
                {"title":"Call back","dueAt":"2026-12-01T10:00:00Z","recordType":"OPPORTUNITY","recordId":%d}""".formatted(repDeal));
        var elsewhere = workspaces.create();
        long foreignDeal = workspaces.addDeal(elsewhere.adminEmail(), "Foreign deal");

        for (String format : List.of("csv", "xlsx")) {
            var deals = rows(ws.admin(), "opportunities", format);
            assertThat(ExportFiles.ids(deals))
                    .containsExactly(adminDeal, repDeal)
                    .doesNotContain(foreignDeal);
            assertThat(deals.get(0).get("Name")).isEqualTo("Admin's deal");
            assertThat(deals.get(0).get("Status")).isEqualTo("OPEN");
            assertThat(ExportFiles.ids(rows(rep.basic(), "opportunities", format)))
                    .containsExactly(repDeal);
            assertThat(ExportFiles.ids(rows(ws.admin(), "opportunities", format, "ownerId", "" + rep.id())))
                    .containsExactly(repDeal);
            assertThat(ExportFiles.ids(rows(ws.admin(), "opportunities", format, "status", "won")))
                    .isEmpty();

            assertThat(rows(ws.admin(), "accounts", format)).singleElement().satisfies(a -> {
                assertThat(a.get("Name")).isEqualTo("Acme");
                assertThat(a.get("Contacts")).isIn("1", "1.0");
            });
            assertThat(ExportFiles.ids(rows(ws.admin(), "contacts", format, "accountId", "" + account)))
                    .containsExactly(contact);

            assertThat(ExportFiles.ids(rows(ws.admin(), "activities", format))).containsExactly(onAdminDeal, onRepDeal);
            assertThat(ExportFiles.ids(rows(rep.basic(), "activities", format))).containsExactly(onRepDeal);
            assertThat(ExportFiles.ids(rows(
                            ws.admin(), "activities", format, "recordType", "OPPORTUNITY", "recordId", "" + repDeal)))
                    .containsExactly(onRepDeal);

            assertThat(ExportFiles.ids(rows(ws.admin(), "tasks", format))).containsExactly(adminTask, repTask);
            assertThat(ExportFiles.ids(rows(rep.basic(), "tasks", format))).containsExactly(repTask);
            assertThat(ExportFiles.ids(rows(ws.admin(), "tasks", format, "mine", "true")))
                    .containsExactly(adminTask);
        }
        assertThat(ExportFiles.ids(rows(elsewhere.admin(), "opportunities", "csv")))
                .containsExactly(foreignDeal);
    }

    @Test
    void wrongExportsAreRefusedBeforeAnyFileIsSent() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long adminDeal = workspaces.addDeal(ws.adminEmail(), "Admin's deal");
        mvc.perform(get("/api/v1/exports/unicorns").with(ws.admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/exports/leads").param("format", "pdf").with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("format"));
        mvc.perform(get("/api/v1/exports/leads").param("status", "SLEEPING").with(ws.admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/v1/exports/leads").param("minScore", "lots").with(ws.admin()))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/exports/activities")
                        .param("recordType", "OPPORTUNITY")
                        .param("recordId", "" + adminDeal)
                        .with(rep.basic()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theWorkspaceZipHoldsEveryKindAndOnlyAdminsTakeIt() throws Exception {
        var ws = workspaces.create();
        var manager = workspaces.addPerson(ws, Role.MANAGER, null);
        long deal = workspaces.addDeal(ws.adminEmail(), "Zipped deal");
        long lead = post(ws.admin(), "/api/v1/leads", "{\"lastName\":\"Zipped\",\"company\":\"Acme\"}");
        byte[] zip = mvc.perform(get("/api/v1/exports/workspace").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/zip"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Map<String, List<Map<String, String>>> files = new HashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), ExportFiles.csv(in.readAllBytes()));
            }
        }
        assertThat(files)
                .containsOnlyKeys(
                        "leads.csv",
                        "opportunities.csv",
                        "accounts.csv",
                        "contacts.csv",
                        "activities.csv",
                        "tasks.csv");
        assertThat(ExportFiles.ids(files.get("leads.csv"))).containsExactly(lead);
        assertThat(ExportFiles.ids(files.get("opportunities.csv"))).containsExactly(deal);
        mvc.perform(get("/api/v1/exports/workspace").with(manager.basic())).andExpect(status().isForbidden());
    }
}
