package org.pipelinecrm.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.UserLookup;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Custom fields where people meet records: a contact's page, the deal list's filters and lead imports. */
@IntegrationTest
class FieldSurfacesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    UserLookup users;

    TestWorkspaces.Workspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
    }

    RequestPostProcessor page() {
        return user(users.loadUserByUsername(ws.adminEmail()));
    }

    void define(String kind, String key, String label, String labelFa, String type, String extra) throws Exception {
        mvc.perform(post("/api/v1/fields")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recordKind\": \"" + kind + "\", \"key\": \"" + key + "\", \"label\": \"" + label
                                + "\", \"labelFa\": \"" + labelFa + "\", \"type\": \"" + type + "\"" + extra + "}"))
                .andExpect(status().isCreated());
    }

    static long number(ResultActions result, String path) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), path)).longValue();
    }

    @Test
    void aContactsPageShowsItsFieldsAndSavesThemWithItsVersion() throws Exception {
        define("CONTACT", "tier", "Tier", "سطح", "SELECT", ", \"options\": [\"Gold\", \"Silver\"]");
        define("CONTACT", "seats", "Seats", "صندلی‌ها", "NUMBER", "");
        long account = number(
                mvc.perform(post("/api/v1/accounts")
                                .with(ws.admin())
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"name\": \"Acme\"}"))
                        .andExpect(status().isCreated()),
                "$.id");
        var created = mvc.perform(post("/api/v1/accounts/" + account + "/contacts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Kim\"}"))
                .andExpect(status().isCreated());
        long contact = number(created, "$.id");
        long version = number(created, "$.version");

        String shown = mvc.perform(get("/contacts/" + contact).with(page()).cookie(new Cookie("crm-lang", "fa")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(shown)
                .contains("id=\"custom-fields\"")
                .contains("سطح")
                .contains("action=\"/contacts/" + contact + "/fields\"");

        // Persian digits are read as the number they are; a list's option in any case is the option
        mvc.perform(post("/contacts/" + contact + "/fields")
                        .with(page())
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("cf.tier", "gold")
                        .param("cf.seats", "۱۲"))
                .andExpect(redirectedUrl("/contacts/" + contact));
        var saved = mvc.perform(get("/api/v1/contacts/" + contact).with(ws.admin()))
                .andExpect(jsonPath("$.customFields.tier").value("Gold"))
                .andExpect(jsonPath("$.customFields.seats").value(12));
        long now = number(saved, "$.version");
        assertThat(now).isGreaterThan(version);
        assertThat(mvc.perform(get("/contacts/" + contact).with(page()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-field=\"tier\">")
                .contains("Gold");

        // a refused value: the section again with the message at its field, in the reader's language; nothing saved
        String refused = mvc.perform(post("/contacts/" + contact + "/fields")
                        .with(page())
                        .with(csrf())
                        .header("HX-Request", "true")
                        .cookie(new Cookie("crm-lang", "fa"))
                        .param("version", String.valueOf(now))
                        .param("cf.tier", "Silver")
                        .param("cf.seats", "many"))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused).contains("invalid-feedback").contains("many").contains("این مقدار باید عدد باشد");
        mvc.perform(get("/api/v1/contacts/" + contact).with(ws.admin()))
                .andExpect(jsonPath("$.customFields.tier").value("Gold"));

        // a stale version is a conflict
        mvc.perform(post("/contacts/" + contact + "/fields")
                        .with(page())
                        .with(csrf())
                        .param("version", String.valueOf(version))
                        .param("cf.tier", "Silver"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/contacts/" + contact).with(ws.admin()))
                .andExpect(jsonPath("$.customFields.tier").value("Gold"));

        // another workspace's contact is not found
        var other = workspaces.create();
        mvc.perform(post("/contacts/" + contact + "/fields")
                        .with(user(users.loadUserByUsername(other.adminEmail())))
                        .with(csrf())
                        .param("version", String.valueOf(now))
                        .param("cf.tier", "Silver"))
                .andExpect(status().isNotFound());
    }

    @Test
    void theDealListOffersTheFieldFiltersAndFiltersByThem() throws Exception {
        define("OPPORTUNITY", "region", "Region", "منطقه", "SELECT", ", \"options\": [\"EMEA\", \"APAC\"]");
        define("OPPORTUNITY", "seats", "Seats", "صندلی‌ها", "NUMBER", "");
        define("OPPORTUNITY", "renewal", "Renewal", "تمدید", "DATE", "");
        for (String deal : new String[] {
            "{\"name\": \"Tokyo rollout\", \"customFields\": {\"region\": \"APAC\", \"seats\": 40,"
                    + " \"renewal\": \"2027-03-01\"}}",
            "{\"name\": \"Berlin rollout\", \"customFields\": {\"region\": \"EMEA\", \"seats\": 5,"
                    + " \"renewal\": \"2027-06-30\"}}",
            "{\"name\": \"Sydney pilot\", \"customFields\": {\"region\": \"APAC\", \"seats\": 3}}"
        }) {
            mvc.perform(post("/api/v1/opportunities")
                            .with(ws.admin())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(deal))
                    .andExpect(status().isCreated());
        }
        String all = mvc.perform(get("/pipeline/list?q=").with(page()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(all)
                .contains("id=\"cf-filter-region\"")
                .contains("name=\"cf.seats.gte\"")
                // a date field is filtered by a range of dates
                .containsPattern("type=\"date\"[^>]*name=\"cf.renewal.gte\"")
                .contains("name=\"cf.renewal.lte\"")
                .contains("Tokyo rollout")
                .contains("Berlin rollout");
        String apac = mvc.perform(
                        get("/pipeline/list?cf.region=APAC&cf.seats.gte=10").with(page()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(apac)
                .contains("Tokyo rollout")
                .doesNotContain("Berlin rollout")
                .doesNotContain("Sydney pilot")
                // the sort links and the board link keep the filter
                .contains("cf.region=APAC");
        String renewing = mvc.perform(get("/pipeline/list?cf.renewal.gte=2027-05-01&cf.renewal.lte=2027-12-31")
                        .with(page()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(renewing)
                .contains("Berlin rollout")
                .doesNotContain("Tokyo rollout")
                .doesNotContain("Sydney pilot");
    }

    @Test
    void aLeadImportMapsColumnsToFieldsAndSkipsRowsWithValuesTheyRefuse() throws Exception {
        define("LEAD", "region", "Sales region", "منطقهٔ فروش", "SELECT", ", \"options\": [\"EMEA\", \"APAC\"]");
        define("LEAD", "seats", "Seats", "صندلی‌ها", "NUMBER", "");
        assertThat(mvc.perform(get("/imports/new?entity=leads").with(page()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("Sales region");
        String csv = """
                Last,Company,Region,Seats
                Kim,Kim Ltd,apac,۱۲
                Lee,Lee Ltd,Mars,3
                Park,Park Ltd,EMEA,lots
                Cho,Cho Ltd,EMEA,
                """;
        var file = new MockMultipartFile("file", "leads.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        long id = number(
                mvc.perform(multipart("/api/v1/imports")
                                .file(file)
                                .param("entity", "leads")
                                .param(
                                        "mapping",
                                        "{\"lastName\": \"Last\", \"company\": \"Company\", \"cf.region\": \"Region\","
                                                + " \"cf.seats\": \"Seats\"}")
                                .with(ws.admin()))
                        .andExpect(status().isAccepted()),
                "$.id");
        await().atMost(Duration.ofSeconds(90))
                .untilAsserted(() -> mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                        .andExpect(jsonPath("$.status").value("DONE")));
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.skipped").value(2))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("Region"))
                .andExpect(jsonPath("$.errors[0].message", containsString("Mars")))
                .andExpect(jsonPath("$.errors[0].message", containsString("EMEA")))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].column").value("Seats"))
                .andExpect(jsonPath("$.errors[1].message", containsString("lots")));
        mvc.perform(get("/api/v1/imports/" + id).with(ws.admin()).header("Accept-Language", "fa"))
                .andExpect(jsonPath("$.errors[0].message", containsString("«Mars»")))
                .andExpect(jsonPath("$.errors[1].message", containsString("«lots»")));
        // the good rows are written whole, their values as the field keeps them
        mvc.perform(get("/api/v1/leads?cf.region=APAC").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Kim"))
                .andExpect(jsonPath("$.items[0].customFields.region").value("APAC"))
                .andExpect(jsonPath("$.items[0].customFields.seats").value(12));
        mvc.perform(get("/api/v1/leads?cf.region=EMEA").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].lastName").value("Cho"));
        mvc.perform(get("/api/v1/leads?q=Lee").with(ws.admin()))
                .andExpect(jsonPath("$.total").value(0));
    }
}
