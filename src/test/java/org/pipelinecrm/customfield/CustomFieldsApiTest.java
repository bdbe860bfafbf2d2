package org.pipelinecrm.customfield;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@IntegrationTest
class CustomFieldsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    TestWorkspaces.Workspace ws;

    @BeforeEach
    void workspace() {
        ws = workspaces.create();
    }

    ResultActions define(String kind, String key, String type, String extra) throws Exception {
        return mvc.perform(post("/api/v1/fields")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"recordKind\": \"" + kind + "\", \"key\": \"" + key + "\", \"label\": \"Label " + key
                        + "\", \"labelFa\": \"برچسب\", \"type\": \"" + type + "\"" + extra + "}"));
    }

    long defined(String kind, String key, String type, String extra) throws Exception {
        String body = define(kind, key, type, extra)
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    ResultActions createDeal(String name, String customFields) throws Exception {
        return mvc.perform(post("/api/v1/opportunities")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\""
                        + (customFields == null ? "" : ", \"customFields\": " + customFields) + "}"));
    }

    long deal(String name, String customFields) throws Exception {
        return id(createDeal(name, customFields).andExpect(status().isCreated()));
    }

    ResultActions createLead(String name, String customFields) throws Exception {
        return mvc.perform(post("/api/v1/leads")
                .with(ws.admin())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lastName\": \"" + name + "\", \"company\": \"" + name + " Ltd\"" + ", \"customFields\": "
                        + customFields + "}"));
    }

    static long id(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.id")).longValue();
    }

    static long version(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(result.andReturn().getResponse().getContentAsString(), "$.version")).longValue();
    }

    ResultActions dealCount(String query) throws Exception {
        return mvc.perform(get("/api/v1/opportunities?" + query).with(ws.admin()));
    }

    void defineEveryDealType() throws Exception {
        defined("OPPORTUNITY", "note", "TEXT", "");
        defined("OPPORTUNITY", "story", "LONG_TEXT", "");
        defined("OPPORTUNITY", "seats", "NUMBER", "");
        defined("OPPORTUNITY", "budget", "MONEY", "");
        defined("OPPORTUNITY", "renewal", "DATE", "");
        defined("OPPORTUNITY", "strategic", "BOOLEAN", "");
        defined("OPPORTUNITY", "region", "SELECT", ", \"options\": [\"EMEA\", \"APAC\", \"AMER\"]");
        defined("OPPORTUNITY", "products", "MULTI_SELECT", ", \"options\": [\"Core\", \"Analytics\", \"Support\"]");
        defined("OPPORTUNITY", "sponsor", "USER", "");
        defined("OPPORTUNITY", "site", "URL", "");
    }

    @Test
    void everyTypeIsDefinedAndADealCarriesItsValues() throws Exception {
        defineEveryDealType();
        mvc.perform(get("/api/v1/fields?recordKind=OPPORTUNITY").with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(10)))
                .andExpect(jsonPath("$[0].key").value("note"))
                .andExpect(jsonPath("$[0].labelFa").value("برچسب"))
                .andExpect(jsonPath("$[6].options", contains("EMEA", "APAC", "AMER")))
                .andExpect(jsonPath("$[9].type").value("URL"));

        long id = deal(
                "Acme",
                "{\"note\": \"call first\", \"story\": \"long\", \"seats\": 40, \"budget\": \"1200.50\","
                        + " \"renewal\": \"2027-01-31\", \"strategic\": true, \"region\": \"emea\","
                        + " \"products\": [\"Support\", \"Core\"], \"sponsor\": " + ws.adminId() + ","
                        + " \"site\": \"https://acme.example\"}");
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.customFields.note").value("call first"))
                .andExpect(jsonPath("$.customFields.seats").value(40))
                .andExpect(jsonPath("$.customFields.budget").value(1200.50))
                .andExpect(jsonPath("$.customFields.renewal").value("2027-01-31"))
                .andExpect(jsonPath("$.customFields.strategic").value(true))
                .andExpect(jsonPath("$.customFields.region").value("EMEA"))
                .andExpect(jsonPath("$.customFields.products", contains("Core", "Support")))
                .andExpect(jsonPath("$.customFields.sponsor").value(ws.adminId()))
                .andExpect(jsonPath("$.customFields.site").value("https://acme.example"));
    }

    @Test
    void aPatchChangesSomeValuesAndKeepsTheOthers() throws Exception {
        defineEveryDealType();
        long id = deal("Acme", "{\"seats\": 40, \"region\": \"APAC\"}");
        var patched = mvc.perform(patch("/api/v1/opportunities/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"customFields\": {\"seats\": 41, \"region\": null}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customFields.seats").value(41))
                .andExpect(jsonPath("$.customFields", not(hasKey("region"))));
        mvc.perform(patch("/api/v1/opportunities/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(patched) + ", \"name\": \"Acme 2\"}"))
                .andExpect(jsonPath("$.customFields.seats").value(41));
    }

    @Test
    void aLeadCarriesItsValuesOnCreateAndPatch() throws Exception {
        defined("LEAD", "budget_known", "BOOLEAN", "");
        defined("LEAD", "employees", "NUMBER", "");
        var created = createLead("Kim", "{\"budget_known\": \"yes\", \"employees\": 12}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customFields.budget_known").value(true))
                .andExpect(jsonPath("$.customFields.employees").value(12));
        mvc.perform(patch("/api/v1/leads/" + id(created))
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version(created) + ", \"customFields\": {\"employees\": 30}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customFields.employees").value(30))
                .andExpect(jsonPath("$.customFields.budget_known").value(true));
    }

    @Test
    void accountsAndContactsCarryTheirValues() throws Exception {
        defined("ACCOUNT", "segment", "SELECT", ", \"options\": [\"SMB\", \"Enterprise\"]");
        defined("CONTACT", "newsletter", "BOOLEAN", "");
        var account = mvc.perform(post("/api/v1/accounts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Acme\", \"customFields\": {\"segment\": \"smb\"}}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.customFields.segment").value("SMB"));
        long accountId = id(account);
        mvc.perform(put("/api/v1/accounts/" + accountId)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Acme\", \"version\": " + version(account)
                                + ", \"customFields\": {\"segment\": \"Mars\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.segment"));
        mvc.perform(put("/api/v1/accounts/" + accountId)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"Acme Inc\", \"version\": " + version(account)
                                + ", \"customFields\": {\"segment\": \"Enterprise\"}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.customFields.segment").value("Enterprise"));
        var contact = mvc.perform(post("/api/v1/accounts/" + accountId + "/contacts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Kim\", \"customFields\": {\"newsletter\": true}}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/contacts/" + id(contact)).with(ws.admin()))
                .andExpect(jsonPath("$.customFields.newsletter").value(true));
        mvc.perform(post("/api/v1/accounts/" + accountId + "/contacts")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lastName\": \"Lee\", \"customFields\": {\"segment\": \"SMB\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.segment"));
    }

    @Test
    void everyBadValueIsAFieldErrorAndWritesNothing() throws Exception {
        defineEveryDealType();
        defined("OPPORTUNITY", "contract", "TEXT", ", \"required\": true");
        String[][] cases = {
            {"{\"contract\": \"c\", \"nope\": 1}", "customFields.nope", "custom-field-unknown"},
            {"{\"contract\": \"c\", \"seats\": \"many\"}", "customFields.seats", "number"},
            {"{\"contract\": \"c\", \"budget\": 1.234}", "customFields.budget", "custom-field-decimals"},
            {"{\"contract\": \"c\", \"renewal\": \"31/01/2027\"}", "customFields.renewal", "date"},
            {"{\"contract\": \"c\", \"strategic\": \"maybe\"}", "customFields.strategic", "true-or-false"},
            {"{\"contract\": \"c\", \"region\": \"Mars\"}", "customFields.region", "one-of"},
            {"{\"contract\": \"c\", \"products\": [\"Core\", \"Mars\"]}", "customFields.products", "one-of"},
            {"{\"contract\": \"c\", \"sponsor\": 999999999}", "customFields.sponsor", "custom-field-user"},
            {"{\"contract\": \"c\", \"site\": \"javascript:alert(1)\"}", "customFields.site", "custom-field-url"},
            {"{\"contract\": \"c\", \"note\": 12}", "customFields.note", "text"},
            {"{\"seats\": 3}", "customFields.contract", "required"},
            {"{\"contract\": \"\"}", "customFields.contract", "required"},
        };
        for (String[] c : cases) {
            createDeal("Refused", c[0])
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(c[1]))
                    .andExpect(jsonPath("$.errors[0].code").value(c[2]));
        }
        createDeal("Refused", null).andExpect(status().isBadRequest());
        dealCount("").andExpect(jsonPath("$.total").value(0));

        long id = deal("Kept", "{\"contract\": \"c\", \"seats\": 5}");
        mvc.perform(patch("/api/v1/opportunities/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"name\": \"Renamed\", \"customFields\": {\"seats\": 6,"
                                + " \"contract\": null}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.contract"));
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.name").value("Kept"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.customFields.seats").value(5));
    }

    @Test
    void badDefinitionsAreFieldErrors() throws Exception {
        define("OPPORTUNITY", "Bad Key", "TEXT", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("key"));
        define("OPPORTUNITY", "region", "SELECT", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("options"));
        define("OPPORTUNITY", "kind", "COLOUR", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("type"));
        defined("OPPORTUNITY", "seats", "NUMBER", "");
        define("OPPORTUNITY", "seats", "TEXT", "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("custom-field-key-taken"));
        defined("LEAD", "seats", "NUMBER", "");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        mvc.perform(post("/api/v1/fields")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recordKind\": \"LEAD\", \"key\": \"x\", \"label\": \"X\", \"type\": \"TEXT\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/fields").with(rep.basic())).andExpect(jsonPath("$", hasSize(2)));
    }

    @Test
    void dealsAndLeadsAreFilteredByValueAndRange() throws Exception {
        defineEveryDealType();
        deal("Small", "{\"seats\": 5, \"region\": \"EMEA\", \"renewal\": \"2027-01-10\", \"products\": [\"Core\"]}");
        deal(
                "Mid",
                "{\"seats\": 50, \"region\": \"APAC\", \"renewal\": \"2027-03-10\","
                        + " \"products\": [\"Core\", \"Support\"], \"strategic\": true}");
        deal("Big", "{\"seats\": 500.5, \"region\": \"EMEA\", \"renewal\": \"2027-06-10\"}");
        deal("None", "{}");
        dealCount("cf.region=EMEA").andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Small", "Big")));
        dealCount("cf.seats.gte=50").andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Mid", "Big")));
        dealCount("cf.seats.lte=50&cf.seats.gte=5")
                .andExpect(jsonPath("$.items[*].name", containsInAnyOrder("Small", "Mid")));
        dealCount("cf.seats=500.50").andExpect(jsonPath("$.items[*].name", contains("Big")));
        dealCount("cf.renewal.gte=2027-02-01&cf.renewal.lte=2027-03-31")
                .andExpect(jsonPath("$.items[*].name", contains("Mid")));
        dealCount("cf.products=Support").andExpect(jsonPath("$.items[*].name", contains("Mid")));
        dealCount("cf.strategic=true").andExpect(jsonPath("$.items[*].name", contains("Mid")));
        dealCount("cf.region=EMEA&cf.seats.gte=100").andExpect(jsonPath("$.items[*].name", contains("Big")));
        dealCount("cf.region=").andExpect(jsonPath("$.total").value(4));
        dealCount("cf.nope=1")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cf.nope"));
        dealCount("cf.region.gte=A")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cf.region.gte"));
        dealCount("cf.seats.gte=lots")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("number"));

        defined("LEAD", "employees", "NUMBER", "");
        defined("LEAD", "tier", "SELECT", ", \"options\": [\"Gold\", \"Silver\"]");
        createLead("Ann", "{\"employees\": 10, \"tier\": \"Gold\"}").andExpect(status().isCreated());
        createLead("Bob", "{\"employees\": 200, \"tier\": \"Silver\"}").andExpect(status().isCreated());
        mvc.perform(get("/api/v1/leads?cf.tier=Gold").with(ws.admin()))
                .andExpect(jsonPath("$.items[*].lastName", contains("Ann")));
        mvc.perform(get("/api/v1/leads?cf.employees.gte=100").with(ws.admin()))
                .andExpect(jsonPath("$.items[*].lastName", contains("Bob")));
        mvc.perform(get("/api/v1/leads?cf.employees.lte=100").with(ws.admin()))
                .andExpect(jsonPath("$.items[*].lastName", contains("Ann")));
    }

    @Test
    void retiringHidesAFieldAndKeepsItsValues() throws Exception {
        long field = defined("OPPORTUNITY", "region", "SELECT", ", \"options\": [\"EMEA\", \"APAC\"]");
        long id = deal("Acme", "{\"region\": \"EMEA\"}");
        mvc.perform(patch("/api/v1/fields/" + field)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"active\": false}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active").value(false))
                .andExpect(jsonPath("$.version").value(1));
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.customFields", not(hasKey("region"))));
        createDeal("Other", "{\"region\": \"EMEA\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("customFields.region"));
        mvc.perform(patch("/api/v1/fields/" + field)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"active\": true, \"label\": \"Sales region\"}"))
                .andExpect(jsonPath("$.label").value("Sales region"));
        mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andExpect(jsonPath("$.customFields.region").value("EMEA"));
    }

    @Test
    void aStaleVersionIsAConflictAndAnotherWorkspacesFieldIsNotFound() throws Exception {
        long field = defined("LEAD", "tier", "TEXT", "");
        mvc.perform(patch("/api/v1/fields/" + field)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"label\": \"Tier\"}"))
                .andExpect(status().isOk());
        mvc.perform(patch("/api/v1/fields/" + field)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 0, \"label\": \"Level\"}"))
                .andExpect(status().isConflict());
        var other = workspaces.create();
        mvc.perform(patch("/api/v1/fields/" + field)
                        .with(other.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": 1, \"label\": \"Mine\"}"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/fields/" + field).with(other.admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/fields").with(other.admin())).andExpect(jsonPath("$", hasSize(0)));
    }
}
