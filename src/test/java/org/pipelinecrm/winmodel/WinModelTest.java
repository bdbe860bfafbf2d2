package org.pipelinecrm.winmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Generated histories: one where the source truly drives wins (referrals win 80 %, other sources 20 %), which the
 * model must find and beat the stage probability on, and one too short to learn from, where every deal falls back
 * to its stage probability.
 */
@IntegrationTest
class WinModelTest {

    static final List<String> SOURCES = List.of("Referral", "Cold call", "Webinar");

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
    org.pipelinecrm.identity.UserLookup lookup;

    @Test
    void referralsDriveWinsAndTheModelSaysSo() throws Exception {
        var ws = workspaces.create();
        Random random = new Random(16);
        workspaces.as(ws.adminEmail(), () -> {
            for (int i = 0; i < 240; i++) {
                String source = SOURCES.get(random.nextInt(SOURCES.size()));
                boolean won = random.nextDouble() < (source.equals("Referral") ? 0.8 : 0.2);
                long id = deal("History " + i, source, 1_000 + random.nextInt(50_000));
                close(id, won);
            }
            return null;
        });
        java.time.LocalDate soon = java.time.LocalDate.now().plusDays(5);
        long referral = workspaces.as(ws.adminEmail(), () -> deal("Open referral", "Referral", 20_000, soon));
        long coldCall = workspaces.as(ws.adminEmail(), () -> deal("Open cold call", "Cold call", 20_000, soon));

        mvc.perform(post("/api/v1/win-model/train").with(ws.admin()))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("QUEUED"));
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "TRAINED"
                        .equals(JsonPath.read(
                                mvc.perform(get("/api/v1/win-model").with(ws.admin()))
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.status")));

        String model = mvc.perform(get("/api/v1/win-model").with(ws.admin()))
                .andExpect(jsonPath("$.closedDeals").value(240))
                .andExpect(jsonPath("$.testedDeals").value(60))
                .andExpect(jsonPath("$.trainedAt").isNotEmpty())
                .andExpect(jsonPath("$.calibration.length()").value(10))
                .andExpect(jsonPath("$.calibration[0].predicted").isNumber())
                .andExpect(jsonPath("$.calibration[0].actual").isNumber())
                .andReturn()
                .getResponse()
                .getContentAsString();
        double auc = ((Number) JsonPath.read(model, "$.auc")).doubleValue();
        double stageAuc = ((Number) JsonPath.read(model, "$.stageAuc")).doubleValue();
        double brier = ((Number) JsonPath.read(model, "$.brier")).doubleValue();
        double stageBrier = ((Number) JsonPath.read(model, "$.stageBrier")).doubleValue();
        assertThat(auc).as("backtest AUC").isGreaterThan(0.65).isGreaterThan(stageAuc + 0.1);
        assertThat(brier).as("backtest Brier").isLessThan(stageBrier);

        mvc.perform(get("/api/v1/opportunities/" + referral).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Open referral"))
                .andExpect(jsonPath("$.winProbability.source").value("MODEL"))
                .andExpect(jsonPath("$.winProbability.factors[0].factor").value("source"))
                .andExpect(jsonPath("$.winProbability.factors[0].label").value("Referral source"));
        String high = mvc.perform(get("/api/v1/opportunities/" + referral).with(ws.admin()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String low = mvc.perform(get("/api/v1/opportunities/" + coldCall).with(ws.admin()))
                .andExpect(jsonPath("$.winProbability.factors[0].factor").value("source"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int highPoints = ((Number) JsonPath.read(high, "$.winProbability.factors[0].points")).intValue();
        int lowPoints = ((Number) JsonPath.read(low, "$.winProbability.factors[0].points")).intValue();
        int highValue = ((Number) JsonPath.read(high, "$.winProbability.value")).intValue();
        int lowValue = ((Number) JsonPath.read(low, "$.winProbability.value")).intValue();
        assertThat(highPoints).isGreaterThan(5);
        assertThat(lowPoints).isLessThan(-5);
        assertThat(highValue).isGreaterThan(lowValue + 25);

        // the board's cards and the list carry it too, scored for the whole page at once
        mvc.perform(get("/api/v1/board").with(ws.admin()))
                .andExpect(jsonPath("$[0].items[?(@.id == " + referral + ")].winProbability.value")
                        .value(highValue));
        mvc.perform(get("/api/v1/opportunities?status=OPEN").with(ws.admin()))
                .andExpect(jsonPath("$.items[?(@.id == " + coldCall + ")].winProbability.value")
                        .value(lowValue));
        // a closed deal has none
        mvc.perform(get("/api/v1/opportunities?status=WON&size=1").with(ws.admin()))
                .andExpect(jsonPath("$.items[0].winProbability").doesNotExist());

        // the forecast weighs the period's open deals by it, beside the stage-weighted figure
        String forecast = mvc.perform(
                        get("/api/v1/forecast?periodStart=" + soon.minusDays(6) + "&periodEnd=" + soon.plusDays(25))
                                .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.modelWeightedSource").value("MODEL"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int stageProbability = ((Number) JsonPath.read(high, "$.probability")).intValue();
        assertThat(((Number) JsonPath.read(forecast, "$.modelWeighted")).doubleValue())
                .isEqualTo(200.0 * (highValue + lowValue));
        assertThat(((Number) JsonPath.read(forecast, "$.stageWeighted")).doubleValue())
                .isEqualTo(400.0 * stageProbability);
        mvc.perform(get("/forecast").with(user(lookup.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Win-probability weighted")))
                .andExpect(content().string(containsString("data-source=\"MODEL\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("model-weighted-stage"))));

        // the deal page says it in words and points, the model page shows the backtest
        mvc.perform(get("/opportunities/" + referral).with(user(lookup.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"win-factors\"")))
                .andExpect(content().string(containsString("Referral source")))
                .andExpect(content().string(containsString("+" + highPoints + "<")));
        mvc.perform(get("/win-model").with(user(lookup.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"model-auc\"")))
                .andExpect(content().string(containsString("id=\"chart-calibration\"")))
                .andExpect(content().string(containsString(">240<")));
    }

    @Test
    void tooLittleHistoryFallsBackToTheStageProbability() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        workspaces.as(ws.adminEmail(), () -> {
            for (int i = 0; i < 39; i++) {
                close(deal("Short history " + i, "Referral", 5_000), i % 2 == 0);
            }
            return null;
        });
        java.time.LocalDate soon = java.time.LocalDate.now().plusDays(5);
        long open = workspaces.as(ws.adminEmail(), () -> deal("Open", "Referral", 5_000, soon));

        mvc.perform(get("/api/v1/win-model").with(ws.admin()))
                .andExpect(jsonPath("$.status").value("NEVER_TRAINED"))
                .andExpect(jsonPath("$.usable").value(false));
        mvc.perform(post("/api/v1/win-model/train").with(rep.basic())).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/win-model/train").with(ws.admin())).andExpect(status().isAccepted());
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "TOO_LITTLE_HISTORY"
                        .equals(JsonPath.read(
                                mvc.perform(get("/api/v1/win-model").with(ws.admin()))
                                        .andReturn()
                                        .getResponse()
                                        .getContentAsString(),
                                "$.status")));
        mvc.perform(get("/api/v1/win-model").with(ws.admin()))
                .andExpect(jsonPath("$.closedDeals").value(39))
                .andExpect(jsonPath("$.minimumClosedDeals").value(40))
                .andExpect(jsonPath("$.auc").doesNotExist());
        String deal = mvc.perform(get("/api/v1/opportunities/" + open).with(ws.admin()))
                .andExpect(jsonPath("$.winProbability.source").value("STAGE"))
                .andExpect(jsonPath("$.winProbability.factors.length()").value(0))
                .andReturn()
                .getResponse()
                .getContentAsString();
        mvc.perform(get("/win-model").with(user(lookup.loadUserByUsername(ws.adminEmail()))))
                .andExpect(content().string(containsString("Too little history: 39 closed deals, at least 40")));
        mvc.perform(get("/opportunities/" + open).with(user(lookup.loadUserByUsername(ws.adminEmail()))))
                .andExpect(content().string(containsString("too little history to learn from yet")));
        mvc.perform(get("/win-model").with(user(lookup.loadUserByUsername(rep.email()))))
                .andExpect(status().isForbidden());
        int probability = ((Number) JsonPath.read(deal, "$.probability")).intValue();
        assertThat(((Number) JsonPath.read(deal, "$.winProbability.value")).intValue())
                .isEqualTo(probability);

        // the forecast's win-probability weighted figure is the stage probability's, and says so
        String forecast = mvc.perform(
                        get("/api/v1/forecast?periodStart=" + soon.minusDays(6) + "&periodEnd=" + soon.plusDays(25))
                                .with(ws.admin()))
                .andExpect(jsonPath("$.modelWeightedSource").value("STAGE"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(((Number) JsonPath.read(forecast, "$.modelWeighted")).doubleValue())
                .isEqualTo(50.0 * probability)
                .isEqualTo(((Number) JsonPath.read(forecast, "$.stageWeighted")).doubleValue());
        mvc.perform(get("/forecast").with(user(lookup.loadUserByUsername(ws.adminEmail()))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("model-weighted-stage")))
                .andExpect(content().string(containsString(">stage probability<")));

        // another workspace's deal is not found, probability or not
        var other = workspaces.create();
        mvc.perform(get("/api/v1/opportunities/" + open).with(other.admin())).andExpect(status().isNotFound());
    }

    private long deal(String name, String source, int amount) {
        return deal(name, source, amount, null);
    }

    private long deal(String name, String source, int amount, java.time.LocalDate closeDate) {
        PipelineView pipeline = pipelines.visible().get(0);
        return opportunities
                .create(new Opportunities.CreateCmd(
                        name,
                        null,
                        null,
                        pipeline.id(),
                        pipeline.openStages().get(0).id(),
                        BigDecimal.valueOf(amount),
                        closeDate,
                        null,
                        source,
                        null,
                        null,
                        null,
                        null))
                .id();
    }

    private void close(long id, boolean won) {
        moves.close(
                id,
                new DealMoves.CloseCmd(
                        won ? StageKind.WON : StageKind.LOST, won ? null : "LOST_CONTACT", null, null, null, null));
    }
}
