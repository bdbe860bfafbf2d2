package org.pipelinecrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The database of this JVM stops under requests and comes back on the same port: meanwhile every answer is a
 * 503 "try again shortly" (never a 500, never "wrong password"), and seconds after it is back everything
 * works again and health is UP — no connection broken by the outage is handed out afterwards.
 */
@IntegrationTest
class DatabaseRestartTest {

    @LocalServerPort
    int port;

    @Autowired
    TestWorkspaces workspaces;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answers503WhileTheDatabaseIsAwayAndRecoversWithinSecondsAfter() throws Exception {
        var ws = workspaces.create();
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (ws.adminEmail() + ":" + TestWorkspaces.PASSWORD).getBytes(StandardCharsets.UTF_8));
        // every request thread of the server has held a connection before the outage
        List<Thread> warmers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Thread t = new Thread(() -> {
                for (int j = 0; j < 5; j++) {
                    send(api(basic));
                }
            });
            t.start();
            warmers.add(t);
        }
        for (Thread t : warmers) {
            t.join();
        }
        assertThat(send(api(basic)).statusCode()).isEqualTo(200);
        var login = loginForm();

        EmbeddedDatabase db = EmbeddedDatabase.running();
        stop(db);
        try {
            for (int i = 0; i < 6; i++) {
                var answer = send(api(basic));
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
                assertThat(answer.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
                assertThat(answer.body()).contains("\"code\":\"database-unavailable\"");
            }
            var persian = send(api(basic).header("Cookie", "crm-lang=fa"));
            assertThat(persian.statusCode()).isEqualTo(503);
            assertThat(persian.body()).contains("پایگاه داده");
            // the correct password while the database is away: "try again shortly", not "wrong password"
            var signIn = send(HttpRequest.newBuilder(uri("/login"))
                    .header("Cookie", login.cookie())
                    .header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + ws.adminEmail() + "&password="
                            + TestWorkspaces.PASSWORD + "&_csrf=" + login.csrf())));
            assertThat(signIn.statusCode()).isEqualTo(503);
            assertThat(signIn.body()).contains("id=\"database-unavailable\"");
            assertThat(send(HttpRequest.newBuilder(uri("/actuator/health"))).statusCode())
                    .isEqualTo(503);
        } finally {
            start(db);
        }
        await().atMost(Duration.ofSeconds(10))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> send(api(basic)).statusCode() == 200);
        // then every request succeeds, on whichever thread and pooled connection it lands
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            statuses.add(send(api(basic)).statusCode());
        }
        assertThat(statuses).containsOnly(200);
        var health = send(HttpRequest.newBuilder(uri("/actuator/health")));
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("UP");
    }

    private HttpRequest.Builder api(String basic) {
        return HttpRequest.newBuilder(uri("/api/v1/leads"))
                .header("Authorization", basic)
                .header("Accept", "application/json")
                .timeout(Duration.ofSeconds(20));
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private record LoginForm(String cookie, String csrf) {}

    private LoginForm loginForm() {
        var page = send(HttpRequest.newBuilder(uri("/login")));
        String cookie = page.headers().allValues("Set-Cookie").stream()
                .map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("SESSION="))
                .findFirst()
                .orElse("");
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.body());
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        return new LoginForm(cookie, csrf.group(1));
    }

    /** Fast shutdown of the postmaster, as {@code pg_ctl stop -m fast} does. */
    private static void stop(EmbeddedDatabase db) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(db.directory.resolve("postmaster.pid"))
                .get(0)
                .trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        new ProcessBuilder("kill", "-INT", Long.toString(pid))
                .inheritIO()
                .start()
                .waitFor();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
    }

    /** Starts the server again exactly as it was started (its {@code postmaster.opts}), same port, same data. */
    private static void start(EmbeddedDatabase db) throws Exception {
        if (Files.exists(db.directory.resolve("postmaster.pid"))) {
            return;
        }
        String opts = Files.readString(db.directory.resolve("postmaster.opts")).trim();
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U")); // PostgreSQL refuses to run as root
        }
        Matcher token = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (token.find()) {
            command.add(token.group(1) != null ? token.group(1) : token.group(2));
        }
        Path log = Files.createTempFile("pipeline-crm-pg-restart", ".log");
        new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Files.exists(db.directory.resolve("postmaster.pid"))
                        && Files.readString(db.directory.resolve("postmaster.pid"))
                                .contains("ready"));
    }
}
