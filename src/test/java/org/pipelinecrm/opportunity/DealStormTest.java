package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.identity.ApiTokens;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.Role;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many people working one pipeline at once over real HTTP: creates, moves, closes, reopens and edits of the
 * same few hundred deals. Everyone gets an answer (done, or 409 for a card that went stale), never a 500, and
 * the totals and rollups the database keeps still say what the deals say.
 */
@IntegrationTest
class DealStormTest {

    static final int DEALS = 240;
    static final int THREADS = 24;
    static final int REQUESTS = 1_500;

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void aStormOfChangesAnswersEveryoneAndKeepsTheTotalsRight() throws Exception {
        var ws = workspaces.create();
        var rep = workspaces.addPerson(ws, Role.SALES_REP, null);
        String admin = workspaces.as(
                ws.adminEmail(),
                () -> tokens.issue("storm", CurrentUser.actor()).token());
        String pipelines = call(admin, "GET", "/api/v1/pipelines", null).body();
        long pipelineId = ((Number) JsonPath.read(pipelines, "$[0].id")).longValue();
        List<Long> open = new ArrayList<>();
        for (Object id : JsonPath.<List<Object>>read(pipelines, "$[0].stages[?(@.kind == 'OPEN')].id")) {
            open.add(((Number) id).longValue());
        }

        ConcurrentMap<Long, Long> versions = new ConcurrentHashMap<>();
        List<Long> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < DEALS; i++) {
            String body = call(
                            admin,
                            "POST",
                            "/api/v1/opportunities",
                            "{\"name\": \"Deal " + i + "\", \"amount\": \"" + (100 + i) + "\", \"pipelineId\": "
                                    + pipelineId + "}")
                    .body();
            long id = ((Number) JsonPath.read(body, "$.id")).longValue();
            ids.add(id);
            versions.put(id, 0L);
        }

        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> failures = new CopyOnWriteArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> clients = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(t);
            clients.add(pool.submit(() -> {
                while (sent.getAndIncrement() < REQUESTS && System.nanoTime() < deadline) {
                    // Most requests go to a small set of hot deals, so cards often go stale.
                    long id = ids.get(random.nextInt(4) == 0 ? random.nextInt(ids.size()) : random.nextInt(30));
                    long version = versions.getOrDefault(id, 0L);
                    int pick = random.nextInt(100);
                    HttpResponse<String> answer;
                    if (pick < 20) {
                        answer = call(
                                admin,
                                "POST",
                                "/api/v1/opportunities",
                                "{\"name\": \"New " + pick
                                        + "\", \"amount\": \"" + random.nextInt(5000) + "\", \"pipelineId\": "
                                        + pipelineId
                                        + ", \"stageId\": " + open.get(random.nextInt(open.size())) + "}");
                        if (answer.statusCode() == 201) {
                            long created = ((Number) JsonPath.read(answer.body(), "$.id")).longValue();
                            versions.put(created, 0L);
                            ids.add(created);
                        }
                    } else if (pick < 50) {
                        answer = call(
                                admin,
                                "POST",
                                "/api/v1/opportunities/" + id + "/move",
                                "{\"stageId\": " + open.get(random.nextInt(open.size())) + ", \"version\": " + version
                                        + "}");
                    } else if (pick < 62) {
                        answer = call(
                                admin,
                                "POST",
                                "/api/v1/opportunities/" + id + "/close",
                                random.nextBoolean()
                                        ? "{\"outcome\": \"WON\", \"version\": " + version + "}"
                                        : "{\"outcome\": \"LOST\", \"reason\": \"price\", \"version\": " + version
                                                + "}");
                    } else if (pick < 75) {
                        answer = call(
                                admin,
                                "POST",
                                "/api/v1/opportunities/" + id + "/reopen",
                                "{\"version\": " + version + "}");
                    } else {
                        answer = call(
                                admin,
                                "PATCH",
                                "/api/v1/opportunities/" + id,
                                "{\"amount\": \""
                                        + random.nextInt(9000) + "\", \"probability\": " + random.nextInt(101)
                                        + (random.nextInt(3) == 0
                                                ? ", \"ownerId\": " + (random.nextBoolean() ? rep.id() : ws.adminId())
                                                : "")
                                        + ", \"version\": " + version + "}");
                    }
                    statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
                            .incrementAndGet();
                    if (answer.statusCode() == 200) {
                        versions.put(id, ((Number) JsonPath.read(answer.body(), "$.version")).longValue());
                    } else if (answer.statusCode() == 409) {
                        String fresh = call(admin, "GET", "/api/v1/opportunities/" + id, null)
                                .body();
                        versions.put(id, ((Number) JsonPath.read(fresh, "$.version")).longValue());
                    } else if (answer.statusCode() >= 500) {
                        failures.add(answer.statusCode() + " " + answer.body());
                    }
                }
                return null;
            }));
        }
        for (Future<?> client : clients) {
            client.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(failures).as("answers of 500 among %s", statuses).isEmpty();
        assertThat(statuses.keySet()).as("statuses %s", statuses).containsOnly(200, 201, 409);
        // a slow machine may reach the deadline before every request is sent: judge the ones answered
        int answered = statuses.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat(answered).as("answers within the deadline").isGreaterThan(REQUESTS / 10);
        assertThat(statuses.get(200).get()).as("statuses %s", statuses).isGreaterThan(answered / 6);
        TenantContext.runAs(ws.id(), () -> tx.executeWithoutResult(s -> rollupsAgreeWithTheDeals()));
    }

    /** What every rollup the database keeps should hold, counted again from the deals and their history. */
    private void rollupsAgreeWithTheDeals() {
        assertThat(rows("""
                select stage_id, sum(deals) n, sum(amount) a, sum(amount_x_prob) w from stage_total
                group by stage_id having sum(deals) <> 0 order by stage_id""")).isEqualTo(rows("""
                        select stage_id, count(*) n, sum(amount) a, sum(amount * probability) w from opportunity
                        where status = 'OPEN' group by stage_id order by stage_id"""));
        assertThat(rows("""
                select stage_id, owner_id, sum(deals) n, sum(amount) a from open_deal_stage
                group by stage_id, owner_id having sum(deals) <> 0 order by 1, 2""")).isEqualTo(rows("""
                        select stage_id, owner_id, count(*) n, sum(amount) a from opportunity where status = 'OPEN'
                        group by stage_id, owner_id order by 1, 2"""));
        assertThat(rows("""
                select status, owner_id, sum(deals) n, sum(amount) a from deal_close_day
                group by status, owner_id having sum(deals) <> 0 order by 1, 2""")).isEqualTo(rows("""
                        select status, owner_id, count(*) n, sum(amount) a from opportunity where status <> 'OPEN'
                        group by status, owner_id order by 1, 2"""));
        assertThat(rows("""
                select stage_id, sum(entered) entered, sum(exited) exited from stage_exit_day
                group by stage_id order by stage_id""")).isEqualTo(rows("""
                        select s, sum(e) entered, sum(x) exited from (
                          select to_stage_id s, 1 e, 0 x from stage_change
                          union all select from_stage_id, 0, 1 from stage_change where from_stage_id is not null) c
                        group by s order by s"""));
    }

    private List<List<String>> rows(String sql) {
        return jdbc.sql(sql)
                .query((rs, n) -> {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        Object value = rs.getObject(i);
                        row.add(
                                value instanceof BigDecimal d
                                        ? d.stripTrailingZeros().toPlainString()
                                        : String.valueOf(value));
                    }
                    return row;
                })
                .list();
    }

    private HttpResponse<String> call(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path, e);
        }
    }
}
