package org.pipelinecrm.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.insight.KnownPipeline.Deal;
import org.pipelinecrm.insight.KnownPipeline.Lead;
import org.pipelinecrm.insight.KnownPipeline.Move;
import org.pipelinecrm.insight.KnownPipeline.StageRow;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/** Each dashboard figure against the same figure worked out here from the rows the test wrote. */
@IntegrationTest
class MetricsTest {

    static final LocalDate FROM = LocalDate.of(2026, 4, 1);
    static final LocalDate TO = LocalDate.of(2026, 6, 30);

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    Metrics metrics;

    @Autowired
    Targets targets;

    @Autowired
    MockMvc mvc;

    TestWorkspaces.Workspace ws;
    TestWorkspaces.Person manager;
    TestWorkspaces.Person repA;
    TestWorkspaces.Person repB;
    TestWorkspaces.Person repC;
    long east;
    KnownPipeline data;

    @BeforeEach
    void history() {
        ws = workspaces.create();
        east = workspaces.addTeam(ws, "East");
        manager = workspaces.addPerson(ws, Role.MANAGER, null);
        repA = workspaces.addPerson(ws, Role.SALES_REP, east);
        repB = workspaces.addPerson(ws, Role.SALES_REP, east);
        repC = workspaces.addPerson(ws, Role.SALES_REP, null);
        long[] owners = {repA.id(), repB.id(), repC.id()};
        Long[] teams = {east, east, null};
        data = workspaces.as(
                ws.adminEmail(),
                () -> tx.execute(s -> {
                    KnownPipeline k = new KnownPipeline(jdbc, ws.id(), 42);
                    k.deals(160, owners, teams, LocalDate.of(2025, 10, 1), LocalDate.of(2026, 7, 15));
                    k.staleDeal(repA.id(), east, 30);
                    k.staleDeal(repC.id(), null, 3);
                    k.leads(120, owners, teams, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 31));
                    return k;
                }));
        workspaces.as(manager.email(), () -> {
            targets.set(new Targets.TargetCmd(FROM, TO, new BigDecimal("900000"), null, east));
            // a yearly target for the rep without a team: a quarter of its days count in the period
            targets.set(new Targets.TargetCmd(
                    LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), new BigDecimal("365000"), repC.id(), null));
            return null;
        });
    }

    @Test
    void everyFigureOfTheWorkspaceMatchesTheRowsItIsMadeOf() {
        MetricsReport r = workspaces.as(
                manager.email(),
                () -> metrics.report(new MetricsFilter(FROM, TO, null, null, null), CurrentUser.actor()));
        check(r, d -> true, l -> true, new BigDecimal("900000").add(new BigDecimal("91000.00")));
        assertThat(r.previous().from()).isEqualTo(LocalDate.of(2025, 12, 31));
        Expected before = expected(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 3, 31), d -> true, l -> true);
        assertThat(r.previous().wonAmount()).isEqualByComparingTo(before.wonAmount);
        assertThat(r.previous().winRate()).isEqualTo(before.winRate);
        assertThat(r.previous().qualifiedLeads()).isEqualTo(before.qualified);
    }

    @Test
    void aTeamAndARepSeeTheirOwnShare() {
        MetricsReport team = workspaces.as(
                manager.email(),
                () -> metrics.report(new MetricsFilter(FROM, TO, null, east, null), CurrentUser.actor()));
        check(
                team,
                d -> Objects.equals(d.team(), east),
                l -> Objects.equals(l.team(), east),
                new BigDecimal("900000.00"));
        // a rep asking for the whole workspace gets their own figures only
        MetricsReport own = workspaces.as(
                repC.email(), () -> metrics.report(new MetricsFilter(FROM, TO, null, null, null), CurrentUser.actor()));
        assertThat(own.ownerId()).isEqualTo(repC.id());
        check(own, d -> d.owner() == repC.id(), l -> l.owner() == repC.id(), new BigDecimal("91000.00"));
    }

    @Test
    void theApiAnswersWithTheFiguresAndRefusesForeignIds() throws Exception {
        var other = workspaces.create();
        long theirTeam = workspaces.addTeam(other, "Theirs");
        Expected e = expected(FROM, TO, d -> true, l -> true);
        mvc.perform(get("/api/v1/metrics")
                        .param("from", FROM.toString())
                        .param("to", TO.toString())
                        .with(manager.basic()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.winRate").value(e.winRate.doubleValue()))
                .andExpect(jsonPath("$.wonAmount").value(e.wonAmount.doubleValue()))
                .andExpect(jsonPath("$.openPipeline.count").value(e.openCount))
                .andExpect(jsonPath("$.qualifiedLeads").value(e.qualified))
                .andExpect(jsonPath("$.forecast.weighted").exists())
                .andExpect(jsonPath("$.lossReasons").isArray())
                .andExpect(jsonPath("$.byStage").isArray());
        mvc.perform(get("/api/v1/metrics")
                        .param("teamId", String.valueOf(theirTeam))
                        .with(manager.basic()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/metrics")
                        .param("from", "2026-05-01")
                        .param("to", "2026-04-01")
                        .with(manager.basic()))
                .andExpect(status().isBadRequest());
    }

    private void check(MetricsReport r, Predicate<Deal> dealIn, Predicate<Lead> leadIn, BigDecimal target) {
        Expected e = expected(FROM, TO, dealIn, leadIn);
        assertThat(r.wonDeals()).as("won").isEqualTo(e.won);
        assertThat(r.lostDeals()).as("lost").isEqualTo(e.lost);
        assertThat(r.winRate()).as("win rate").isEqualTo(e.winRate);
        assertThat(r.wonAmount()).as("won amount").isEqualByComparingTo(e.wonAmount);
        assertThat(r.averageDealSize()).as("average deal size").isEqualByComparingTo(e.averageDealSize);
        assertThat(r.averageWonDealAgeDays()).as("won age").isEqualByComparingTo(e.averageAge);
        assertThat(r.openPipeline().count()).as("open count").isEqualTo(e.openCount);
        assertThat(r.openPipeline().amount()).as("open amount").isEqualByComparingTo(e.openAmount);
        assertThat(r.openPipeline().weightedAmount()).as("weighted").isEqualByComparingTo(e.openWeighted);
        assertThat(r.decisionMakerShare()).as("decision makers").isEqualTo(e.decisionMakerShare);
        assertThat(r.stalledDeals()).as("stalled").isEqualTo(e.stalled);
        assertThat(r.target()).as("target").isEqualByComparingTo(target);
        BigDecimal remaining = target.subtract(e.wonAmount).max(BigDecimal.ZERO);
        assertThat(r.remainingTarget()).isEqualByComparingTo(remaining);
        if (remaining.signum() == 0) {
            assertThat(r.pipelineCoverage())
                    .as("coverage once the target is met")
                    .isNull();
        } else {
            assertThat(r.pipelineCoverage())
                    .as("coverage")
                    .isEqualByComparingTo(e.openAmount.divide(remaining, 2, RoundingMode.HALF_UP));
        }
        assertThat(r.forecast().bestCase()).as("best case").isEqualByComparingTo(e.bestCase);
        assertThat(r.forecast().commit()).as("commit").isEqualByComparingTo(e.commit);
        assertThat(r.forecast().weighted()).as("weighted forecast").isEqualByComparingTo(e.weightedForecast);
        assertThat(r.qualifiedLeads()).as("qualified leads").isEqualTo(e.qualified);
        assertThat(r.funnel())
                .extracting(MetricsReport.FunnelStep::count)
                .as("funnel")
                .containsExactly(e.funnel);
        assertThat(r.leadConversionRate()).as("lead conversion").isEqualTo(Metrics.rate(e.funnel[4], e.funnel[0]));
        assertThat(r.mqlToSqlRate()).as("MQL to SQL").isEqualTo(Metrics.rate(e.funnel[2], e.funnel[1]));
        Map<String, Long> losses = new HashMap<>();
        r.lossReasons().forEach(x -> losses.put(x.code(), x.count()));
        assertThat(losses).as("loss reasons").isEqualTo(e.lossReasons);
        Map<String, BigDecimal> bySource = new HashMap<>();
        r.bySource().forEach(x -> bySource.put(x.key(), x.wonAmount()));
        assertThat(bySource).as("won by source").isEqualTo(e.wonBySource);
        for (StageRow s : data.stages) {
            var figures = r.byStage().stream()
                    .filter(x -> x.stageId() == s.id())
                    .findFirst()
                    .orElseThrow();
            long[] flow = e.flow.getOrDefault(s.id(), new long[3]);
            assertThat(figures.exited()).as("left " + s.name()).isEqualTo(flow[0]);
            assertThat(figures.movedForward()).as("moved on from " + s.name()).isEqualTo(flow[1]);
            assertThat(figures.averageDaysInStage())
                    .as("days in " + s.name())
                    .isEqualTo(
                            flow[0] == 0
                                    ? null
                                    : BigDecimal.valueOf(flow[2] / 86400.0 / flow[0])
                                            .setScale(1, RoundingMode.HALF_UP));
        }
        long trendWon =
                r.trend().stream().mapToLong(MetricsReport.TrendMonth::won).sum();
        assertThat(trendWon)
                .as("won in the 12 months to the period end")
                .isEqualTo(expected(r.trend().get(0).start(), TO, dealIn, leadIn).won);
        assertThat(r.trend()).hasSize(12);
    }

    private static final class Expected {
        long won;
        long lost;
        BigDecimal winRate;
        BigDecimal wonAmount = BigDecimal.ZERO;
        BigDecimal averageDealSize;
        BigDecimal averageAge;
        long openCount;
        BigDecimal openAmount = BigDecimal.ZERO;
        BigDecimal openWeighted = BigDecimal.ZERO;
        BigDecimal decisionMakerShare;
        long stalled;
        BigDecimal bestCase;
        BigDecimal commit;
        BigDecimal weightedForecast;
        long qualified;
        Long[] funnel;
        Map<String, Long> lossReasons = new HashMap<>();
        Map<String, BigDecimal> wonBySource = new HashMap<>();
        Map<Long, long[]> flow = new HashMap<>();
    }

    private Expected expected(LocalDate from, LocalDate to, Predicate<Deal> dealIn, Predicate<Lead> leadIn) {
        Instant start = KnownPipeline.start(from);
        Instant end = KnownPipeline.start(to.plusDays(1));
        Predicate<Instant> inPeriod = t -> t != null && !t.isBefore(start) && t.isBefore(end);
        Expected e = new Expected();
        long ageSeconds = 0;
        long withDecisionMaker = 0;
        BigDecimal openInPeriod = BigDecimal.ZERO;
        BigDecimal commitInPeriod = BigDecimal.ZERO;
        BigDecimal weightedInPeriod = BigDecimal.ZERO;
        for (Deal d : data.deals) {
            if (!dealIn.test(d)) {
                continue;
            }
            if (inPeriod.test(d.closed())) {
                if (d.status().equals("WON")) {
                    e.won++;
                    e.wonAmount = e.wonAmount.add(d.amount());
                    ageSeconds += Duration.between(d.opened(), d.closed()).toSeconds();
                    e.wonBySource.merge(d.source(), d.amount(), BigDecimal::add);
                } else {
                    e.lost++;
                    e.lossReasons.merge(d.reason(), 1L, Long::sum);
                    e.wonBySource.putIfAbsent(d.source(), BigDecimal.ZERO.setScale(2));
                }
            }
            if (d.status().equals("OPEN")) {
                e.openCount++;
                e.openAmount = e.openAmount.add(d.amount());
                BigDecimal weighted =
                        d.amount().multiply(BigDecimal.valueOf(d.probability())).divide(BigDecimal.valueOf(100));
                e.openWeighted = e.openWeighted.add(weighted);
                if (d.account() != null && data.accountsWithDecisionMaker.contains(d.account())) {
                    withDecisionMaker++;
                }
                StageRow stage = data.stages.stream()
                        .filter(s -> s.id() == d.stage())
                        .findFirst()
                        .orElseThrow();
                if (stage.rottingDays() != null
                        && d.stageEntered().isBefore(Instant.now().minus(Duration.ofDays(stage.rottingDays())))) {
                    e.stalled++;
                }
                if (!d.expectedClose().isBefore(from) && !d.expectedClose().isAfter(to)) {
                    openInPeriod = openInPeriod.add(d.amount());
                    weightedInPeriod = weightedInPeriod.add(weighted);
                    if (d.probability() >= 75) {
                        commitInPeriod = commitInPeriod.add(d.amount());
                    }
                }
            }
            Instant entered = d.opened();
            for (Move m : d.moves()) {
                if (m.from() != null && inPeriod.test(m.at())) {
                    long[] f = e.flow.computeIfAbsent(m.from(), k -> new long[3]);
                    StageRow fromStage = data.stages.stream()
                            .filter(s -> s.id() == m.from())
                            .findFirst()
                            .orElseThrow();
                    StageRow toStage = data.stages.stream()
                            .filter(s -> s.id() == m.to())
                            .findFirst()
                            .orElseThrow();
                    f[0]++;
                    if (toStage.kind().equals("WON") || (toStage.open() && toStage.position() > fromStage.position())) {
                        f[1]++;
                    }
                    f[2] += Duration.between(entered, m.at()).toSeconds();
                }
                entered = m.at();
            }
        }
        e.winRate = Metrics.rate(e.won, e.won + e.lost);
        e.averageDealSize = e.won == 0 ? null : e.wonAmount.divide(BigDecimal.valueOf(e.won), 2, RoundingMode.HALF_UP);
        e.averageAge = e.won == 0
                ? null
                : BigDecimal.valueOf(ageSeconds / 86400.0 / e.won).setScale(1, RoundingMode.HALF_UP);
        e.decisionMakerShare = Metrics.rate(withDecisionMaker, e.openCount);
        e.bestCase = e.wonAmount.add(openInPeriod);
        e.commit = e.wonAmount.add(commitInPeriod);
        e.weightedForecast = e.wonAmount.add(weightedInPeriod).setScale(2, RoundingMode.HALF_UP);
        long leads = 0;
        long mql = 0;
        long sql = 0;
        long converted = 0;
        long won = 0;
        for (Lead l : data.leads) {
            if (!leadIn.test(l)) {
                continue;
            }
            if (inPeriod.test(l.qualified())) {
                e.qualified++;
            }
            if (!inPeriod.test(l.created())) {
                continue;
            }
            leads++;
            mql += l.mql() != null || l.sql() != null || l.converted() != null ? 1 : 0;
            sql += l.sql() != null || l.converted() != null ? 1 : 0;
            converted += l.converted() != null ? 1 : 0;
            won += l.opportunity() != null
                            && data.deals.stream()
                                    .anyMatch(d -> d.id() == l.opportunity()
                                            && d.status().equals("WON"))
                    ? 1
                    : 0;
        }
        e.funnel = new Long[] {leads, mql, sql, converted, won};
        return e;
    }
}
