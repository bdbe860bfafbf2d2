package org.pipelinecrm.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The cf filters read the typed value table, which the records' writes keep in step with their values: every
 * operator finds exactly the deals the values' JSON says it should (containment for equality, a JSON path test
 * for ranges), after creates and edits alike.
 */
@IntegrationTest
class CustomFieldValueTableTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    TestWorkspaces.Workspace ws;

    void define(String key, String type, String extra) throws Exception {
        mvc.perform(post("/api/v1/fields")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"recordKind\": \"OPPORTUNITY\", \"key\": \"" + key + "\", \"label\": \"" + key
                                + "\", \"type\": \"" + type + "\"" + extra + "}"))
                .andExpect(status().isCreated());
    }

    long deal(String name, String values) throws Exception {
        String body = mvc.perform(post("/api/v1/opportunities")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\": \"" + name + "\", \"customFields\": " + values + "}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    Set<String> api(String query) throws Exception {
        String body = mvc.perform(get("/api/v1/opportunities?size=100&" + query).with(ws.admin()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        List<String> names = JsonPath.read(body, "$.items[*].name");
        return new TreeSet<>(names);
    }

    /** The deals whose values' JSON matches, as the jsonb column answers it. */
    Set<String> json(String predicate, String argument) {
        return TenantContext.callAs(
                ws.id(),
                () -> tx.execute(s -> new TreeSet<>(jdbc.sql("select name from opportunity where " + predicate)
                        .param("arg", argument)
                        .query(String.class)
                        .list())));
    }

    @Test
    void everyOperatorFindsWhatTheValuesSayAfterCreatesAndEdits() throws Exception {
        ws = workspaces.create();
        define("note", "TEXT", "");
        define("seats", "NUMBER", "");
        define("budget", "MONEY", "");
        define("renewal", "DATE", "");
        define("strategic", "BOOLEAN", "");
        define("region", "SELECT", ", \"options\": [\"EMEA\", \"APAC\", \"AMER\"]");
        define("products", "MULTI_SELECT", ", \"options\": [\"Core\", \"Analytics\", \"Support\"]");
        define("sponsor", "USER", "");

        deal(
                "A",
                "{\"note\": \"call first\", \"seats\": 5, \"region\": \"EMEA\", \"renewal\": \"2027-01-10\","
                        + " \"products\": [\"Core\"], \"strategic\": false, \"budget\": \"99.99\"}");
        deal(
                "B",
                "{\"seats\": 50, \"region\": \"APAC\", \"renewal\": \"2027-03-10\", \"products\": [\"Core\","
                        + " \"Support\"], \"strategic\": true, \"budget\": 100, \"sponsor\": " + ws.adminId() + "}");
        long c = deal("C", "{\"seats\": 500.5, \"region\": \"EMEA\", \"renewal\": \"2027-06-10\"}");
        deal("D", "{\"products\": [\"Analytics\", \"Support\"], \"note\": \"Call first\"}");
        deal("E", "{}");
        long f = deal("F", "{\"seats\": 50.0, \"region\": \"AMER\", \"products\": [\"Support\"]}");
        // Edits: values change, and one is removed.
        patchDeal(c, "{\"region\": \"APAC\", \"seats\": null, \"products\": [\"Core\", \"Analytics\"]}");
        patchDeal(f, "{\"budget\": \"100.00\", \"renewal\": \"2027-03-10\"}");

        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("cf.region=EMEA", new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"region\": \"EMEA\"}"});
        cases.put("cf.region=APAC", new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"region\": \"APAC\"}"});
        cases.put(
                "cf.note=call first",
                new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"note\": \"call first\"}"});
        cases.put("cf.products=Core", new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"products\": [\"Core\"]}"
        });
        cases.put(
                "cf.products=Support,Core",
                new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"products\": [\"Core\", \"Support\"]}"});
        cases.put("cf.seats=50", new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"seats\": 50}"});
        cases.put(
                "cf.seats.gte=50",
                new String[] {"jsonb_path_exists(custom_fields, cast(:arg as jsonpath))", "$.\"seats\" ? (@ >= 50)"});
        cases.put(
                "cf.seats.lte=50",
                new String[] {"jsonb_path_exists(custom_fields, cast(:arg as jsonpath))", "$.\"seats\" ? (@ <= 50)"});
        cases.put(
                "cf.budget.gte=100",
                new String[] {"jsonb_path_exists(custom_fields, cast(:arg as jsonpath))", "$.\"budget\" ? (@ >= 100)"});
        cases.put(
                "cf.renewal=2027-03-10",
                new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"renewal\": \"2027-03-10\"}"});
        cases.put("cf.renewal.gte=2027-02-01", new String[] {
            "jsonb_path_exists(custom_fields, cast(:arg as jsonpath))", "$.\"renewal\" ? (@ >= \"2027-02-01\")"
        });
        cases.put("cf.renewal.lte=2027-03-10", new String[] {
            "jsonb_path_exists(custom_fields, cast(:arg as jsonpath))", "$.\"renewal\" ? (@ <= \"2027-03-10\")"
        });
        cases.put("cf.strategic=true", new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"strategic\": true}"});
        cases.put(
                "cf.strategic=false", new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"strategic\": false}"});
        cases.put(
                "cf.sponsor=" + ws.adminId(),
                new String[] {"custom_fields @> cast(:arg as jsonb)", "{\"sponsor\": " + ws.adminId() + "}"});
        for (var entry : cases.entrySet()) {
            Set<String> expected = json(entry.getValue()[0], entry.getValue()[1]);
            assertThat(expected).as(entry.getKey()).isNotEmpty();
            assertThat(api(entry.getKey())).as(entry.getKey()).isEqualTo(expected);
        }
        // The edits moved C from EMEA to APAC and took its seats away; F's budget and renewal came with its edit.
        assertThat(api("cf.region=EMEA")).containsExactly("A");
        assertThat(api("cf.seats.gte=100")).isEmpty();
        assertThat(api("cf.products=Analytics")).containsExactly("C", "D");
        assertThat(api("cf.budget.gte=100&cf.renewal=2027-03-10")).containsExactly("B", "F");

        // The filter reads the value rows: without them the deal is not found, though its JSON still says EMEA.
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(s -> jdbc.sql(
                                "delete from custom_field_value where record_kind = 'OPPORTUNITY' and record_id in"
                                        + " (select id from opportunity where name = 'A')")
                        .update()));
        assertThat(api("cf.region=EMEA")).isEmpty();
        assertThat(json("custom_fields @> cast(:arg as jsonb)", "{\"region\": \"EMEA\"}"))
                .containsExactly("A");
    }

    void patchDeal(long id, String values) throws Exception {
        String body = mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long version = ((Number) JsonPath.read(body, "$.version")).longValue();
        mvc.perform(patch("/api/v1/opportunities/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + version + ", \"customFields\": " + values + "}"))
                .andExpect(status().isOk());
    }
}
