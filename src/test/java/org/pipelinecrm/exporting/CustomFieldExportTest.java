package org.pipelinecrm.exporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Exports of leads, deals, accounts and contacts carry a column per active custom field, headed by its label. */
@IntegrationTest
class CustomFieldExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.Workspace ws;

    private String send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String json)
            throws Exception {
        return mvc.perform(request.with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().is2xxSuccessful())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private long create(String path, String json) throws Exception {
        return ((Number) JsonPath.read(send(post(path), json), "$.id")).longValue();
    }

    private long field(String kind, String key, String label, String labelFa, String type, String extra)
            throws Exception {
        return create(
                "/api/v1/fields",
                "{\"recordKind\": \"" + kind + "\", \"key\": \"" + key + "\", \"label\": \"" + label
                        + "\", \"labelFa\": \"" + labelFa + "\", \"type\": \"" + type + "\"" + extra + "}");
    }

    private List<Map<String, String>> rows(String entity, String format, String language) throws Exception {
        byte[] file = mvc.perform(get("/api/v1/exports/" + entity)
                        .param("format", format)
                        .header("Accept-Language", language)
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        return format.equals("xlsx") ? ExportFiles.xlsx(file) : ExportFiles.csv(file);
    }

    @Test
    void everyListExportsItsActiveFieldsAsData() throws Exception {
        ws = workspaces.create();
        field("LEAD", "motto", "Motto", "شعار", "TEXT", "");
        field("LEAD", "budget", "Budget", "بودجه", "MONEY", "");
        field("LEAD", "vip", "VIP", "ویژه", "BOOLEAN", "");
        field("LEAD", "met_on", "Met on", "دیدار", "DATE", "");
        long retired = field("LEAD", "old", "Old code", "کد قدیمی", "TEXT", "");
        long retiredVersion = ((Number) JsonPath.read(
                        mvc.perform(get("/api/v1/fields/" + retired).with(ws.admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$.version"))
                .longValue();
        field("OPPORTUNITY", "regions", "Regions", "مناطق", "MULTI_SELECT", ", \"options\": [\"EMEA\", \"APAC\"]");
        field("ACCOUNT", "segment", "Segment", "بخش", "SELECT", ", \"options\": [\"SMB\", \"Enterprise\"]");
        field("CONTACT", "champion", "Champion", "حامی", "USER", "");
        create(
                "/api/v1/leads",
                "{\"lastName\": \"Kim\", \"company\": \"Kim Ltd\", \"customFields\": {\"motto\": \"=HYPERLINK(1)\","
                        + " \"budget\": \"2500.50\", \"vip\": true, \"met_on\": \"2026-04-01\", \"old\": \"X1\"}}");
        create("/api/v1/leads", "{\"lastName\": \"Lee\", \"company\": \"Lee Ltd\"}");
        send(patch("/api/v1/fields/" + retired), "{\"active\": false, \"version\": " + retiredVersion + "}");
        create(
                "/api/v1/opportunities",
                "{\"name\": \"Tokyo rollout\", \"customFields\": {\"regions\": [\"APAC\", \"EMEA\"]}}");
        long account = create("/api/v1/accounts", "{\"name\": \"Acme\", \"customFields\": {\"segment\": \"smb\"}}");
        create(
                "/api/v1/accounts/" + account + "/contacts",
                "{\"lastName\": \"Park\", \"customFields\": {\"champion\": " + ws.adminId() + "}}");

        for (String format : List.of("csv", "xlsx")) {
            List<Map<String, String>> leads = rows("leads", format, "en");
            Map<String, String> kim = leads.stream()
                    .filter(r -> "Kim".equals(r.get("Last name")))
                    .findFirst()
                    .orElseThrow();
            assertThat(kim.get("Motto")).isEqualTo("'=HYPERLINK(1)");
            assertThat(new BigDecimal(kim.get("Budget"))).isEqualByComparingTo("2500.50");
            assertThat(kim.get("VIP")).isEqualToIgnoringCase("true");
            if (format.equals("csv")) { // a spreadsheet keeps a date as a day number
                assertThat(kim.get("Met on")).isEqualTo("2026-04-01");
            }
            assertThat(kim).doesNotContainKey("Old code");
            Map<String, String> lee = leads.stream()
                    .filter(r -> "Lee".equals(r.get("Last name")))
                    .findFirst()
                    .orElseThrow();
            assertThat(lee.get("Motto")).isEmpty();

            assertThat(rows("opportunities", format, "en").get(0).get("Regions"))
                    .isEqualTo("EMEA, APAC");
            assertThat(rows("accounts", format, "en").get(0).get("Segment")).isEqualTo("SMB");
            assertThat(rows("contacts", format, "en").get(0).get("Champion"))
                    .isNotBlank()
                    .isNotEqualTo(String.valueOf(ws.adminId()));
        }
        // the headers in the reader's language
        assertThat(rows("leads", "csv", "fa").get(0)).containsKeys("شعار", "بودجه", "ویژه", "دیدار");
        assertThat(rows("accounts", "xlsx", "fa").get(0)).containsEntry("بخش", "SMB");
    }
}
