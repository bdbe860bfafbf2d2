package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The lead funnel reads a rollup the database keeps as leads and deals change; after every kind of change it
 * must hold what counting the leads themselves gives.
 */
@IntegrationTest
class LeadCohortRollupTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    TestWorkspaces.Workspace ws;

    @Test
    void theRollupFollowsLeadsThroughTheirWholeLife() throws Exception {
        ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, east);

        long webinar = lead("{\"lastName\": \"Rahimi\", \"company\": \"Parsian\", \"source\": \"Webinar\"}");
        long bare = lead("{\"lastName\": \"Novak\"}");
        long referral = lead("{\"lastName\": \"Rossi\", \"source\": \"Referral\"}");
        assertMatchesTheLeads();
        assertThat(rollup().get(key(LocalDate.now(ZoneOffset.UTC), 0, 0, ""))).containsExactly(1, 0, 0, 0, 0);

        // a new owner, team, source and type move the lead to another row and count it as MQL
        patchLead(
                bare,
                "{\"source\": \"Event\", \"ownerId\": %d, \"teamId\": %d, \"type\": \"MQL\"}"
                        .formatted(rep.id(), east));
        patchLead(referral, "{\"type\": \"SQL\"}");
        assertMatchesTheLeads();
        assertThat(rollup().get(key(LocalDate.now(ZoneOffset.UTC), rep.id(), east, "Event")))
                .containsExactly(1, 1, 0, 0, 0);

        // qualified and converted: a deal, not yet won; won; re-opened; won again
        mvc.perform(put("/api/v1/leads/" + webinar + "/qualification")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                        {"budget": {"status": "MET"}, "authority": {"status": "MET"}, "need": {"status": "MET"},
                         "timeline": {"status": "MET", "expectedPurchaseDate": "%s"}, "organizationLevel": "PASSED",
                         "opportunityLevel": "PASSED", "stakeholderLevel": "PASSED", "version": 0}
                        """.formatted(LocalDate.now().plusMonths(2))))
                .andExpect(status().isOk());
        String converted = mvc.perform(post("/api/v1/leads/" + webinar + "/convert")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"opportunityName\": \"Parsian rollout\", \"amount\": \"9000.00\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        long deal = ((Number) JsonPath.read(converted, "$.opportunityId")).longValue();
        assertMatchesTheLeads();
        assertThat(rollup().get(key(LocalDate.now(ZoneOffset.UTC), 0, 0, "Webinar")))
                .containsExactly(1, 1, 1, 1, 0);

        mvc.perform(post("/api/v1/opportunities/" + deal + "/close")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"WON\", \"version\": %d}".formatted(dealVersion(deal))))
                .andExpect(status().isOk());
        assertMatchesTheLeads();
        assertThat(rollup().get(key(LocalDate.now(ZoneOffset.UTC), 0, 0, "Webinar")))
                .containsExactly(1, 1, 1, 1, 1);
        mvc.perform(post("/api/v1/opportunities/" + deal + "/reopen")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": %d}".formatted(dealVersion(deal))))
                .andExpect(status().isOk());
        assertMatchesTheLeads();
        assertThat(rollup().get(key(LocalDate.now(ZoneOffset.UTC), 0, 0, "Webinar")))
                .containsExactly(1, 1, 1, 1, 0);
        mvc.perform(post("/api/v1/opportunities/" + deal + "/close")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"WON\", \"version\": %d}".formatted(dealVersion(deal))))
                .andExpect(status().isOk());

        // many leads in one statement, as an import writes them, one of them from the won deal (a lead keeps that its
        // deal is won); then one removed
        // (ids drawn first, rows through the workspace's row: as the import writes them, so on Citus too)
        inWorkspace(() -> jdbc.sql("""
                insert into lead (tenant_id, id, last_name, type, status, owner_id, team_id, source, created_at,
                                  mql_at, converted_at, converted_opportunity_id, deal_won_at)
                select w.id, (cast(:ids as bigint[]))[g], 'Imported ' || g, 'UNQUALIFIED', 'NEW',
                       case when g % 2 = 0 then :rep end, case when g % 2 = 0 then :team end,
                       (array['Website', 'Event', null])[1 + g % 3], timestamptz '2026-03-01 10:00Z' + g * interval '9 hours',
                       case when g % 4 = 0 then now() end, case when g = 7 then now() end, case when g = 7 then :deal end,
                       case when g = 7 then now() end
                from workspace_facts w, generate_series(1, 40) g
                where w.id = :tenant
                """)
                .param("ids", leadIds(40))
                .param("tenant", ws.id())
                .param("rep", rep.id())
                .param("team", east)
                .param("deal", deal)
                .update());
        assertMatchesTheLeads();
        inWorkspace(() -> jdbc.sql("delete from lead where last_name in ('Imported 7', 'Imported 8')")
                .update());
        assertMatchesTheLeads();
        // back-dated a month, each by its own moment (Citus refuses a time zone dependent expression on a column)
        inWorkspace(() -> jdbc
                .sql("select id, created_at from lead where last_name like 'Imported 1%'")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getObject(2, java.time.OffsetDateTime.class)))
                .list()
                .stream()
                .mapToInt(lead -> jdbc.sql("update lead set created_at = :at, source = 'Partner' where id = :id")
                        .param("at", lead.getValue().minusDays(30))
                        .param("id", lead.getKey())
                        .update())
                .sum());
        assertMatchesTheLeads();
    }

    /** Every rollup row against the same counts taken lead by lead. */
    private void assertMatchesTheLeads() {
        Map<String, Long> dealStatus = new HashMap<>();
        Map<String, int[]> expected = new HashMap<>();
        inWorkspace(() -> {
            jdbc.sql("select id, status from opportunity").query(rs -> {
                dealStatus.put(rs.getString(1), 0L + (rs.getString(2).equals("WON") ? 1 : 0));
            });
            jdbc.sql("""
                    select created_at, owner_id, team_id, source, mql_at, sql_at, converted_at, converted_opportunity_id
                    from lead""").query(rs -> {
                LocalDate day = rs.getObject(1, java.time.OffsetDateTime.class)
                        .withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDate();
                int[] counts = expected.computeIfAbsent(
                        key(day, rs.getLong(2), rs.getLong(3), Objects.toString(rs.getString(4), "")), k -> new int[5]);
                boolean converted = rs.getObject(7) != null;
                boolean sql = converted || rs.getObject(6) != null;
                boolean mql = sql || rs.getObject(5) != null;
                counts[0]++;
                counts[1] += mql ? 1 : 0;
                counts[2] += sql ? 1 : 0;
                counts[3] += converted ? 1 : 0;
                counts[4] += dealStatus.getOrDefault(rs.getString(8), 0L).intValue();
            });
            return null;
        });
        Map<String, int[]> actual = rollup();
        assertThat(actual.keySet()).as("cohort rows").containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, counts) -> assertThat(actual.get(key)).as(key).containsExactly(counts));
    }

    /** The rollup's rows that count anything. */
    private Map<String, int[]> rollup() {
        Map<String, int[]> rows = new HashMap<>();
        inWorkspace(() -> {
            jdbc.sql("select day, owner_id, team_id, source, leads, mql, sql, converted, won from lead_cohort_day")
                    .query(rs -> {
                        int[] counts = {rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9)};
                        if (counts[0] != 0 || counts[1] != 0 || counts[2] != 0 || counts[3] != 0 || counts[4] != 0) {
                            rows.put(
                                    key(
                                            rs.getObject(1, LocalDate.class),
                                            rs.getLong(2),
                                            rs.getLong(3),
                                            rs.getString(4)),
                                    counts);
                        }
                    });
            return null;
        });
        return rows;
    }

    private static String key(LocalDate day, long owner, long team, String source) {
        return day + "/" + owner + "/" + team + "/" + source;
    }

    private <T> void inWorkspace(java.util.function.Supplier<T> work) {
        workspaces.as(ws.adminEmail(), () -> tx.execute(s -> work.get()));
    }

    private long lead(String json) throws Exception {
        String body = mvc.perform(post("/api/v1/leads")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private void patchLead(long id, String json) throws Exception {
        String body = mvc.perform(get("/api/v1/leads/" + id).with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int version = JsonPath.read(body, "$.version");
        mvc.perform(patch("/api/v1/leads/" + id)
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.substring(0, json.length() - 1) + ", \"version\": " + version + "}"))
                .andExpect(status().isOk());
    }

    private int dealVersion(long id) throws Exception {
        String body = mvc.perform(get("/api/v1/opportunities/" + id).with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.version");
    }

    /** Fresh lead ids, as a PostgreSQL array literal. */
    private String leadIds(int count) {
        return jdbc.sql("select '{' || string_agg(nextval('lead_seq')::text, ',') || '}' from generate_series(1, ?)")
                .param(count)
                .query(String.class)
                .single();
    }
}
