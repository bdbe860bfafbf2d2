package org.pipelinecrm.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.pipeline.StageView;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The forecast on a generated workspace: categories from stages and overrides, won deals as closed, calls rolled
 * up for the manager, snapshots that do not follow later changes, accuracy worked out by hand, and the refusals.
 */
@IntegrationTest
class ForecastTest {

    private static final LocalDate TODAY = LocalDate.now();
    private static final String START = TODAY.minusDays(10).toString();
    private static final String END = TODAY.plusDays(40).toString();
    private static final LocalDate IN_PERIOD = TODAY.plusDays(20);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Autowired
    Pipelines pipelines;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private final JsonMapper json = JsonMapper.builder().build();

    private long deal(String email, String name, int stage, String amount, LocalDate closeDate) {
        return workspaces.as(email, () -> {
            var pipeline = pipelines.visible().get(0);
            StageView s = pipeline.openStages().get(stage);
            return opportunities
                    .create(new Opportunities.CreateCmd(
                            name,
                            null,
                            null,
                            pipeline.id(),
                            s.id(),
                            new BigDecimal(amount),
                            closeDate,
                            null,
                            null,
                            null,
                            null,
                            null,
                            null))
                    .id();
        });
    }

    private void win(String email, long deal) {
        workspaces.as(
                email, () -> moves.close(deal, new DealMoves.CloseCmd(StageKind.WON, null, null, null, null, null)));
    }

    private long version(RequestPostProcessor who, long deal) throws Exception {
        String body = mvc.perform(get("/api/v1/opportunities/" + deal).with(who))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(body).get("version").asLong();
    }

    private void override(RequestPostProcessor who, long deal, String category) throws Exception {
        mvc.perform(patch("/api/v1/opportunities/" + deal)
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"forecastCategory\": \"" + category + "\", \"version\": " + version(who, deal)
                                + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.forecastCategory").value(category.equals("DEFAULT") ? "BEST_CASE" : category))
                .andExpect(jsonPath("$.forecastCategoryOverridden").value(!category.equals("DEFAULT")));
    }

    private String call(String amount, String note, Long team) {
        return call(START, END, amount, note, team);
    }

    private static String call(String start, String end, String amount, String note, Long team) {
        return "{\"periodStart\": \"" + start + "\", \"periodEnd\": \"" + end + "\""
                + (amount == null ? "" : ", \"amount\": " + amount)
                + (note == null ? "" : ", \"note\": \"" + note + "\"")
                + (team == null ? "" : ", \"teamId\": " + team) + "}";
    }

    private long submit(RequestPostProcessor who, String body) throws Exception {
        String answer = mvc.perform(post("/api/v1/forecast/submissions")
                        .with(who)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return json.readTree(answer).get("id").asLong();
    }

    @Test
    void figuresFollowStagesAndOverridesAndCallsRollUpAsSnapshots() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var rep2 = workspaces.addPerson(ws, Role.SALES_REP, east);
        var manager = workspaces.addPerson(ws, Role.MANAGER, east);
        // default stages: prospecting 10 %, qualification 20, meeting 40, proposal 60, negotiation 80, contract 95
        deal(rep.email(), "Proposal", 3, "1000", IN_PERIOD); // best case
        long negotiation = deal(rep.email(), "Negotiation", 4, "2000", IN_PERIOD); // commit
        deal(rep.email(), "Prospect", 0, "500", IN_PERIOD); // pipeline
        long meeting = deal(rep.email(), "Meeting", 2, "3000", IN_PERIOD); // pipeline, overridden to commit
        long won = deal(rep.email(), "Won", 4, "700", IN_PERIOD);
        win(rep.email(), won);
        long omitted = deal(rep.email(), "Omitted", 4, "400", IN_PERIOD);
        deal(rep.email(), "Later", 4, "900", TODAY.plusDays(200)); // another period
        deal(rep2.email(), "Contract", 5, "1500", IN_PERIOD); // commit

        override(rep.basic(), meeting, "COMMIT");
        override(rep.basic(), omitted, "OMITTED");
        mvc.perform(get("/api/v1/opportunities/" + won).with(rep.basic()))
                .andExpect(jsonPath("$.forecastCategory").value("CLOSED"));

        // the override is kept on the deal's timeline
        Integer edits = TenantContext.callAs(
                ws.id(),
                () -> tx.execute(s -> jdbc.sql(
                                "select count(*) from deal_edit where opportunity_id = ? and field = 'forecastCategory'"
                                        + " and old_value = 'PIPELINE=STAGE' and new_value = 'COMMIT'")
                        .param(meeting)
                        .query(Integer.class)
                        .single()));
        assertThat(edits).isEqualTo(1);

        String q = "/api/v1/forecast?periodStart=" + START + "&periodEnd=" + END;
        mvc.perform(get(q + "&ownerId=" + rep.id()).with(manager.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(700.0))
                .andExpect(jsonPath("$.commit").value(5000.0))
                .andExpect(jsonPath("$.bestCase").value(1000.0))
                .andExpect(jsonPath("$.pipeline").value(500.0))
                // 1000×0.6 + 2000×0.8 + 500×0.1 + 3000×0.4 + 400×0.8
                .andExpect(jsonPath("$.stageWeighted").value(3770.0));
        mvc.perform(get(q + "&teamId=" + east).with(manager.basic()))
                .andExpect(jsonPath("$.commit").value(6500.0))
                .andExpect(jsonPath("$.stageWeighted").value(5195.0))
                .andExpect(jsonPath("$.calls.length()").value(0));
        // a rep asking for nothing gets their own
        mvc.perform(get(q).with(rep2.basic())).andExpect(jsonPath("$.commit").value(1500.0));

        // an override stays through a move to another open stage
        long proposalStage = workspaces.as(
                rep.email(),
                () -> pipelines.visible().get(0).openStages().get(3).id());
        long before = version(rep.basic(), meeting);
        workspaces.as(rep.email(), () -> moves.move(meeting, proposalStage, before, null, null));
        mvc.perform(get("/api/v1/opportunities/" + meeting).with(rep.basic()))
                .andExpect(jsonPath("$.forecastCategory").value("COMMIT"))
                .andExpect(jsonPath("$.forecastCategoryOverridden").value(true));

        // calls: the rep's defaults to closed + commit
        long repCall = submit(rep.basic(), call(null, "Two big ones", null));
        submit(rep2.basic(), call("1200", null, null));
        mvc.perform(get("/api/v1/forecast/submissions?periodStart=" + START + "&periodEnd=" + END + "&ownerId="
                                + rep.id())
                        .with(manager.basic()))
                .andExpect(jsonPath("$[0].amount").value(5700.0))
                .andExpect(jsonPath("$[0].commit").value(5000.0));
        mvc.perform(get(q + "&teamId=" + east).with(manager.basic()))
                .andExpect(jsonPath("$.rolledUp").value(6900.0))
                .andExpect(jsonPath("$.calls.length()").value(2));
        // a newer call supersedes in the roll-up; the older stays
        submit(rep2.basic(), call("1300", null, null));
        mvc.perform(get(q + "&teamId=" + east).with(manager.basic()))
                .andExpect(jsonPath("$.rolledUp").value(7000.0));
        mvc.perform(get("/api/v1/forecast/submissions?periodStart=" + START + "&periodEnd=" + END + "&ownerId="
                                + rep2.id())
                        .with(manager.basic()))
                .andExpect(jsonPath("$.length()").value(2));
        submit(manager.basic(), call("6500", "Holding back on Meeting", east));
        mvc.perform(get(q + "&teamId=" + east).with(manager.basic()))
                .andExpect(jsonPath("$.calls.length()").value(3))
                .andExpect(jsonPath("$.calls[0].teamId").value(east))
                .andExpect(jsonPath("$.calls[0].amount").value(6500.0))
                .andExpect(jsonPath("$.calls[0].note").value("Holding back on Meeting"));

        // the snapshot keeps the deals as they stood
        mvc.perform(patch("/api/v1/opportunities/" + negotiation)
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\": 9999, \"version\": " + version(rep.basic(), negotiation) + "}"))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/forecast/submissions/" + repCall + "/deals").with(rep.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + negotiation + ")].amount").value(2000.0))
                .andExpect(jsonPath("$[?(@.id == " + meeting + ")].category").value("COMMIT"))
                .andExpect(jsonPath("$[?(@.id == " + omitted + ")]").isEmpty());
        mvc.perform(get("/api/v1/forecast/submissions?periodStart=" + START + "&periodEnd=" + END + "&ownerId="
                                + rep.id())
                        .with(manager.basic()))
                .andExpect(jsonPath("$[0].commit").value(5000.0));
        mvc.perform(get(q + "&ownerId=" + rep.id()).with(manager.basic()))
                .andExpect(jsonPath("$.commit").value(12999.0));

        // back to the stage's default
        override(rep.basic(), meeting, "DEFAULT");
    }

    @Test
    void accuracyIsTheLastCallBeforeEachPeriodEndedAgainstWhatClosed() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        long first = deal(rep.email(), "Q1 win", 4, "1000", LocalDate.of(2020, 2, 10));
        long second = deal(rep.email(), "Q2 win", 4, "3000", LocalDate.of(2020, 5, 5));
        win(rep.email(), first);
        win(rep.email(), second);
        long early = submit(rep.basic(), call("2020-01-01", "2020-03-31", "800", null, null));
        long last = submit(rep.basic(), call("2020-01-01", "2020-03-31", "1500", null, null));
        long q2 = submit(rep.basic(), call("2020-04-01", "2020-06-30", "2000", null, null));
        submit(rep.basic(), call("2020-01-01", "2020-03-31", "99999", null, null)); // after the period: not counted
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(s -> {
                    jdbc.sql("update opportunity set closed_at = ? where id = ?")
                            .params(java.sql.Timestamp.valueOf("2020-02-10 12:00:00"), first)
                            .update();
                    jdbc.sql("update opportunity set closed_at = ? where id = ?")
                            .params(java.sql.Timestamp.valueOf("2020-05-05 12:00:00"), second)
                            .update();
                    for (var back : List.of(
                            List.of(early, "2020-02-01 09:00:00"),
                            List.of(last, "2020-03-15 09:00:00"),
                            List.of(q2, "2020-06-01 09:00:00"))) {
                        jdbc.sql("update forecast_submission set submitted_at = ? where id = ?")
                                .params(java.sql.Timestamp.valueOf((String) back.get(1)), back.get(0))
                                .update();
                    }
                }));
        mvc.perform(get("/api/v1/forecast/accuracy?periodStart=2020-01-01&periodEnd=2020-12-31")
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.periods.length()").value(2))
                .andExpect(jsonPath("$.periods[0].call").value(1500.0))
                .andExpect(jsonPath("$.periods[0].actual").value(1000.0))
                .andExpect(jsonPath("$.periods[1].error").value(-1000.0))
                .andExpect(jsonPath("$.callers[0].personId").value(rep.id()))
                .andExpect(jsonPath("$.callers[0].periods").value(2))
                // (|1500 − 1000| + |2000 − 3000|) / 2; 1500 / 4000
                .andExpect(jsonPath("$.callers[0].meanAbsoluteError").value(750.0))
                .andExpect(jsonPath("$.callers[0].maePercent").value(37.5));
    }

    @Test
    void badCallsAndStaleOverridesAreRefused() throws Exception {
        var ws = workspaces.create();
        long east = workspaces.addTeam(ws, "East");
        long west = workspaces.addTeam(ws, "West");
        var rep = workspaces.addPerson(ws, Role.SALES_REP, east);
        var manager = workspaces.addPerson(ws, Role.MANAGER, east);
        var other = workspaces.create();
        long theirs = workspaces.addTeam(other, "Theirs");
        long d = deal(rep.email(), "Deal", 0, "100", IN_PERIOD);

        mvc.perform(post("/api/v1/forecast/submissions")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call("100", null, east)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forecast-not-team-manager"));
        mvc.perform(post("/api/v1/forecast/submissions")
                        .with(manager.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call("100", null, west)))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("forecast-not-team-manager"));
        mvc.perform(post("/api/v1/forecast/submissions")
                        .with(manager.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call("100", null, theirs)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/forecast?periodStart=" + START + "&periodEnd=" + END + "&teamId=" + theirs)
                        .with(manager.basic()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/forecast/submissions")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call(END, START, "100", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("validation-failed"))
                .andExpect(jsonPath("$.errors[0].field").value("periodEnd"));
        mvc.perform(post("/api/v1/forecast/submissions")
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(call("-5", null, null)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        mvc.perform(get("/api/v1/forecast?periodStart=" + START).with(rep.basic()))
                .andExpect(status().isBadRequest());

        long stale = version(rep.basic(), d);
        override(rep.basic(), d, "COMMIT");
        mvc.perform(patch("/api/v1/opportunities/" + d)
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"forecastCategory\": \"BEST_CASE\", \"version\": " + stale + "}"))
                .andExpect(status().isConflict());
        mvc.perform(patch("/api/v1/opportunities/" + d)
                        .with(rep.basic())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"forecastCategory\": \"CLOSED\", \"version\": " + version(rep.basic(), d) + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("forecastCategory"));
    }
}
