package org.pipelinecrm.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A workspace's history made up from a seeded random source and written straight into the tables, with
 * every row kept in memory so that a test can compute each figure from it independently of the SQL.
 */
class KnownPipeline {

    record StageRow(long id, String name, String kind, int position, int probability, Integer rottingDays) {
        boolean open() {
            return kind.equals("OPEN");
        }
    }

    record Move(Long from, long to, Instant at) {}

    record Deal(
            long id,
            long owner,
            Long team,
            String status,
            BigDecimal amount,
            int probability,
            Instant opened,
            Instant closed,
            LocalDate expectedClose,
            String source,
            String industry,
            String reason,
            long stage,
            Instant stageEntered,
            Long account,
            List<Move> moves) {}

    record Lead(
            long id,
            long owner,
            Long team,
            String source,
            Instant created,
            Instant mql,
            Instant sql,
            Instant qualified,
            Instant converted,
            Long opportunity) {}

    final List<StageRow> stages = new ArrayList<>();
    final List<Deal> deals = new ArrayList<>();
    final List<Lead> leads = new ArrayList<>();
    final List<Long> accountsWithDecisionMaker = new ArrayList<>();
    private final JdbcClient jdbc;
    private final Random random;
    private final long tenant;

    KnownPipeline(JdbcClient jdbc, long tenant, long seed) {
        this.jdbc = jdbc;
        this.tenant = tenant;
        this.random = new Random(seed);
        jdbc.sql("select id, name, kind, position, probability, rotting_days from stage order by position")
                .query((rs, n) -> new StageRow(
                        rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5), (Integer)
                                rs.getObject(6)))
                .list()
                .forEach(stages::add);
    }

    long pipelineId() {
        return jdbc.sql("select pipeline_id from stage where id = ?")
                .param(stages.get(0).id())
                .query(Long.class)
                .single();
    }

    private long next(String sequence) {
        return jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
    }

    /** {@code count} deals of the given owners, opened between {@code from} and {@code to}. */
    void deals(int count, long[] owners, Long[] teams, LocalDate from, LocalDate to) {
        List<StageRow> open = stages.stream().filter(StageRow::open).toList();
        StageRow won =
                stages.stream().filter(s -> s.kind().equals("WON")).findFirst().orElseThrow();
        StageRow lost =
                stages.stream().filter(s -> s.kind().equals("LOST")).findFirst().orElseThrow();
        String[] sources = {"Referral", "Cold call", "Website", null};
        String[] industries = {"Retail", "Banking", "Energy"};
        String[] reasons = {"PRICE", "COMPETITOR", "TIMING"};
        for (int i = 0; i < count; i++) {
            int who = random.nextInt(owners.length);
            long span = ChronoUnit.SECONDS.between(start(from), start(to));
            Instant opened = start(from).plusSeconds((long) (random.nextDouble() * span));
            Instant at = opened;
            List<Move> moves = new ArrayList<>();
            moves.add(new Move(null, open.get(0).id(), opened));
            StageRow current = open.get(0);
            int steps = random.nextInt(open.size());
            for (int s = 1; s <= steps; s++) {
                // now and then a deal skips a stage or steps back
                int target =
                        Math.max(0, Math.min(open.size() - 1, s + (random.nextInt(6) == 0 ? -1 : random.nextInt(2))));
                if (open.get(target).id() == current.id()) {
                    continue;
                }
                at = at.plusSeconds(3600L * (1 + random.nextInt(24 * 20)));
                moves.add(new Move(current.id(), open.get(target).id(), at));
                current = open.get(target);
            }
            int outcome = random.nextInt(3);
            String status = "OPEN";
            Instant closed = null;
            String reason = null;
            if (outcome > 0) {
                at = at.plusSeconds(3600L * (1 + random.nextInt(24 * 30)));
                StageRow end = outcome == 1 ? won : lost;
                moves.add(new Move(current.id(), end.id(), at));
                current = end;
                status = end.kind();
                closed = at;
                reason = random.nextInt(4) == 0
                        ? null
                        : outcome == 1 ? "PRICE" : reasons[random.nextInt(reasons.length)];
            }
            Long account = null;
            if (random.nextBoolean()) {
                account = next("account_seq");
                jdbc.sql("insert into account (tenant_id, id, name, normalized_name) values (?, ?, ?, ?)")
                        .params(tenant, account, "Account " + account, "account " + account)
                        .update();
                String role = random.nextBoolean() ? "DECISION_MAKER" : "INFLUENCER";
                jdbc.sql(
                                "insert into contact (tenant_id, id, account_id, last_name, buying_role) values (?, ?, ?, ?, ?)")
                        .params(tenant, next("contact_seq"), account, "Contact", role)
                        .update();
                if (role.equals("DECISION_MAKER")) {
                    accountsWithDecisionMaker.add(account);
                }
            }
            long id = next("opportunity_seq");
            BigDecimal amount =
                    BigDecimal.valueOf(1000 + random.nextInt(99_000)).setScale(2);
            StageRow stage = current;
            int probability = stage.probability();
            LocalDate expected = LocalDate.ofInstant(opened, ZoneOffset.UTC).plusDays(random.nextInt(200));
            Deal deal = new Deal(
                    id,
                    owners[who],
                    teams[who],
                    status,
                    amount,
                    probability,
                    opened,
                    closed,
                    expected,
                    sources[random.nextInt(sources.length)],
                    industries[random.nextInt(industries.length)],
                    reason,
                    stage.id(),
                    at,
                    account,
                    moves);
            insert(deal);
            deals.add(deal);
        }
    }

    /** Open deals that entered their stage long ago: they rot. */
    void staleDeal(long owner, Long team, int daysInStage) {
        StageRow stage = stages.get(1);
        long id = next("opportunity_seq");
        Instant entered = Instant.now().minus(daysInStage, ChronoUnit.DAYS);
        Deal deal = new Deal(
                id,
                owner,
                team,
                "OPEN",
                new BigDecimal("5000.00"),
                stage.probability(),
                entered,
                null,
                LocalDate.now().plusDays(400),
                "Website",
                "Retail",
                null,
                stage.id(),
                entered,
                null,
                List.of(new Move(null, stage.id(), entered)));
        insert(deal);
        deals.add(deal);
    }

    /** A deal won at {@code closed}, from a lead created at {@code leadCreated} that became it. */
    Deal wonFromLead(
            long owner, String source, Instant leadCreated, Instant opened, Instant closed, BigDecimal amount) {
        StageRow first = stages.get(0);
        StageRow won =
                stages.stream().filter(s -> s.kind().equals("WON")).findFirst().orElseThrow();
        long id = next("opportunity_seq");
        Deal deal = new Deal(
                id,
                owner,
                null,
                "WON",
                amount,
                100,
                opened,
                closed,
                LocalDate.ofInstant(closed, ZoneOffset.UTC),
                source,
                "Retail",
                null,
                won.id(),
                closed,
                null,
                List.of(new Move(null, first.id(), opened), new Move(first.id(), won.id(), closed)));
        insert(deal);
        deals.add(deal);
        long leadId = next("lead_seq");
        jdbc.sql("""
                insert into lead (tenant_id, id, last_name, type, status, owner_id, source, created_at, converted_at,
                  converted_opportunity_id, deal_won_at)
                values (?, ?, 'Lead', 'SQL', 'CONVERTED', ?, ?, ?, ?, ?, ?)
                """)
                .params(tenant, leadId, owner, source, odt(leadCreated), odt(opened), id, odt(closed))
                .update();
        return deal;
    }

    private void insert(Deal d) {
        jdbc.sql("""
                insert into opportunity (tenant_id, id, name, pipeline_id, stage_id, status, amount, probability,
                  expected_close_date, owner_id, team_id, source, industry, account_id, opened_at, closed_at, close_reason,
                  stage_entered_at)
                values (:tenant, :id, :name, :pipeline, :stage, :status, :amount, :probability, :expected, :owner, :team,
                  :source, :industry, :account, :opened, :closed, :reason, :entered)
                """)
                .param("tenant", tenant)
                .param("id", d.id())
                .param("name", "Deal " + d.id())
                .param("pipeline", pipelineId())
                .param("stage", d.stage())
                .param("status", d.status())
                .param("amount", d.amount())
                .param("probability", d.probability())
                .param("expected", d.expectedClose())
                .param("owner", d.owner())
                .param("team", d.team())
                .param("source", d.source())
                .param("industry", d.industry())
                .param("account", d.account())
                .param("opened", odt(d.opened()))
                .param("closed", odt(d.closed()))
                .param("reason", d.reason())
                .param("entered", odt(d.stageEntered()))
                .update();
        for (Move m : d.moves()) {
            jdbc.sql(
                            "insert into stage_change (tenant_id, id, opportunity_id, from_stage_id, to_stage_id, changed_by, changed_at)"
                                    + " values (?, ?, ?, ?, ?, ?, ?)")
                    .params(tenant, next("stage_change_seq"), d.id(), m.from(), m.to(), d.owner(), odt(m.at()))
                    .update();
        }
    }

    /** Leads created between the dates; some reach MQL, SQL, and some convert into the given deals. */
    void leads(int count, long[] owners, Long[] teams, LocalDate from, LocalDate to) {
        String[] sources = {"Referral", "Website", "Trade show"};
        for (int i = 0; i < count; i++) {
            int who = random.nextInt(owners.length);
            long span = ChronoUnit.SECONDS.between(start(from), start(to));
            Instant created = start(from).plusSeconds((long) (random.nextDouble() * span));
            int reach = random.nextInt(5); // 0 none, 1 MQL, 2 SQL (skipping MQL sometimes), 3 qualified, 4 converted
            Instant mql = reach >= 1 && !(reach >= 2 && random.nextInt(4) == 0) ? created.plusSeconds(86_400) : null;
            Instant sql = reach >= 2 ? created.plusSeconds(2 * 86_400) : null;
            Instant qualified = reach >= 3 ? created.plusSeconds(3 * 86_400L + random.nextInt(40) * 86_400L) : null;
            Instant converted = null;
            Long opportunity = null;
            Instant dealWon = null;
            if (reach == 4) {
                Deal deal = deals.get(random.nextInt(deals.size()));
                if (leads.stream().noneMatch(l -> deal.id() == (l.opportunity() == null ? -1 : l.opportunity()))) {
                    converted = qualified.plusSeconds(3600);
                    opportunity = deal.id();
                    // the lead keeps whether its deal is won, as the lead module sets it from the deal's events
                    dealWon = "WON".equals(deal.status()) ? deal.closed() : null;
                }
            }
            long id = next("lead_seq");
            Lead lead = new Lead(
                    id,
                    owners[who],
                    teams[who],
                    sources[random.nextInt(sources.length)],
                    created,
                    mql,
                    sql,
                    qualified,
                    converted,
                    opportunity);
            jdbc.sql("""
                    insert into lead (tenant_id, id, last_name, type, status, owner_id, team_id, source, created_at,
                      mql_at, sql_at, qualified_at, converted_at, converted_opportunity_id, deal_won_at)
                    values (?, ?, 'Lead', 'UNQUALIFIED', 'NEW', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """)
                    .params(
                            tenant,
                            id,
                            lead.owner(),
                            lead.team(),
                            lead.source(),
                            odt(created),
                            odt(mql),
                            odt(sql),
                            odt(qualified),
                            odt(converted),
                            opportunity,
                            odt(dealWon))
                    .update();
            leads.add(lead);
        }
    }

    static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static java.time.OffsetDateTime odt(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
