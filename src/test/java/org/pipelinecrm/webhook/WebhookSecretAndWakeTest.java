package org.pipelinecrm.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
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
 * The signing secret is kept encrypted (a plain one from before is encrypted and keeps signing), and a change's
 * delivery leaves within a second or two of its commit, sent by the scheduler with no one calling the worker; one
 * made while the sender is busy with another is still sent, and retried within a minute when its answer fails.
 */
@IntegrationTest
class WebhookSecretAndWakeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    SecretSealing sealing;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(long at, Map<String, String> headers, String body) {}

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void theSecretIsNotInTheTableAndADeliveryLeavesWithinSecondsSignedWithIt() throws Exception {
        String url = startReceiver();
        var ws = workspaces.create();
        String secret = subscribe(ws, url);
        String stored = storedSecret(ws);
        assertThat(stored).startsWith("v1:").doesNotContain(secret).doesNotContain(secret.substring(6));

        workspaces.addDeal(ws.adminEmail(), "Umbrella renewal");
        long committed = System.nanoTime();
        Received delivered = awaitDelivery(1, 10_000);
        long millis = (delivered.at() - committed) / 1_000_000;
        assertThat(millis).as("milliseconds from commit to delivery").isLessThan(2_000);
        assertSigned(delivered, secret);
    }

    @Test
    void aPlainSecretFromBeforeStillSignsAndIsEncryptedAtStart() throws Exception {
        String url = startReceiver();
        var ws = workspaces.create();
        String secret = subscribe(ws, url);
        TenantContext.runAs(
                ws.id(),
                () -> tx.executeWithoutResult(s -> jdbc.sql("update webhook_subscription set secret = :plain")
                        .param("plain", secret)
                        .update()));
        assertThat(storedSecret(ws)).isEqualTo(secret);

        workspaces.addDeal(ws.adminEmail(), "Plain renewal");
        assertSigned(awaitDelivery(1, 10_000), secret);

        assertThat(TenantContext.callAs(ws.id(), () -> sealing.seal(ws.id()))).isEqualTo(1);
        assertThat(storedSecret(ws)).startsWith("v1:").doesNotContain(secret.substring(6));
        assertThat(TenantContext.callAs(ws.id(), () -> sealing.seal(ws.id()))).isZero();

        workspaces.addDeal(ws.adminEmail(), "Sealed renewal");
        assertSigned(awaitDelivery(2, 10_000), secret);
    }

    @Test
    void aDeliveryMadeWhileTheSenderIsBusyAndFailingAtFirstIsRetriedWithinAMinuteAndArrives() throws Exception {
        String url = startReceiver();
        var ws = workspaces.create();
        String secret = subscribe(ws, url);
        // the receiver holds the first deal's delivery for two seconds: the workspace's sender is busy with it
        slowBody = "Initech slow renewal";
        failOnceBody = "Initech flaky renewal";
        workspaces.addDeal(ws.adminEmail(), "Initech slow renewal");
        long until = System.currentTimeMillis() + 10_000;
        while (!holding && System.currentTimeMillis() < until) {
            Thread.sleep(10);
        }
        assertThat(holding).as("the first delivery is being sent").isTrue();
        // committed while the sender is busy; its first answer is a 500
        workspaces.addDeal(ws.adminEmail(), "Initech flaky renewal");

        Received slow = awaitDelivery(1, 10_000);
        assertThat(slow.body()).contains("Initech slow renewal");
        Received failed = awaitDelivery(2, 10_000);
        assertThat(failed.body()).contains("Initech flaky renewal");
        // no one calls the sender: the scheduler retries the failed delivery, the first time within a minute
        Received retried = awaitDelivery(3, 75_000);
        assertThat(retried.body()).isEqualTo(failed.body());
        assertThat(retried.headers().get("x-crm-event-id"))
                .isEqualTo(failed.headers().get("x-crm-event-id"));
        assertThat((retried.at() - failed.at()) / 1_000_000)
                .as("milliseconds from the failed answer to the retry")
                .isLessThan(60_000);
        assertSigned(retried, secret);
        Thread.sleep(1_500);
        assertThat(received)
                .as("each deal's delivery arrived once, the failed one twice")
                .hasSize(3);
        String state = TenantContext.callAs(
                ws.id(),
                () -> tx.execute(s -> jdbc.sql("select string_agg(state, ',' order by id) from webhook_delivery")
                        .query(String.class)
                        .single()));
        assertThat(state).isEqualTo("DELIVERED,DELIVERED");
    }

    private volatile String slowBody;
    private volatile String failOnceBody;
    private volatile boolean holding;
    private final java.util.concurrent.atomic.AtomicBoolean failedOnce =
            new java.util.concurrent.atomic.AtomicBoolean();

    private String subscribe(TestWorkspaces.Workspace ws, String url) throws Exception {
        String created = mvc.perform(post("/api/v1/webhooks")
                        .with(ws.admin())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\":\"" + url + "\",\"events\":[\"opportunity.created\"]}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(created, "$.secret");
    }

    private String storedSecret(TestWorkspaces.Workspace ws) {
        return TenantContext.callAs(
                ws.id(),
                () -> tx.execute(s -> jdbc.sql("select secret from webhook_subscription")
                        .query(String.class)
                        .single()));
    }

    private Received awaitDelivery(int count, long timeoutMillis) throws InterruptedException {
        long until = System.currentTimeMillis() + timeoutMillis;
        while (received.size() < count && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        assertThat(received).hasSizeGreaterThanOrEqualTo(count);
        return received.get(count - 1);
    }

    private static void assertSigned(Received delivered, String secret) throws Exception {
        String signature = delivered.headers().get("x-crm-signature");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(signature.substring(signature.indexOf("v1=") + 3))
                .isEqualTo(hmacSha256(secret, t + "." + delivered.body()));
    }

    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(at, headers, body));
            int answer = 200;
            if (slowBody != null && body.contains(slowBody)) {
                holding = true;
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (failOnceBody != null && body.contains(failOnceBody) && failedOnce.compareAndSet(false, true)) {
                answer = 500;
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        receiver.start();
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    private static String hmacSha256(String secret, String text) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
