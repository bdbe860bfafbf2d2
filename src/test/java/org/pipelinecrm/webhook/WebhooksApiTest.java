package org.pipelinecrm.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@IntegrationTest
class WebhooksApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    DeliveryWorker worker;

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    /** The answers the receiver gives, in turn; 200 once they run out. */
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();

    record Received(Map<String, String> headers, String body) {}

    @AfterEach
    void stopReceiver() {
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    @Test
    void aChangeIsDeliveredSignedAndAFailureIsRetriedUntilItArrives() throws Exception {
        String url = startReceiver();
        answers.add(500);
        var ws = workspaces.create();
        String created = mvc.perform(json(post("/api/v1/webhooks"), ws, """
                {"url":"%s","events":["opportunity.created","lead.created"],"description":"ERP sync"}""".formatted(url)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.events.length()").value(2))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int id = JsonPath.read(created, "$.id");
        String secret = JsonPath.read(created, "$.secret");
        assertThat(secret).startsWith("whsec_");
        mvc.perform(get("/api/v1/webhooks/{id}", id).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.secret").doesNotExist())
                .andExpect(jsonPath("$.description").value("ERP sync"));

        long deal = workspaces.addDeal(ws.adminEmail(), "Globex renewal");

        // the first answer is a 500: the delivery waits for its retry, due within a minute
        sendUntil(Instant.now(), () -> received.size() >= 1);
        assertThat(received).hasSize(1);
        sendUntil(Instant.now().plus(Duration.ofMinutes(1)), () -> received.size() >= 2);

        Received delivered = received.get(1);
        assertThat(delivered.body()).isEqualTo(received.get(0).body());
        String signature = delivered.headers().get("x-crm-signature");
        assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
        String t = signature.substring(2, signature.indexOf(','));
        assertThat(Math.abs(Long.parseLong(t) - Instant.now().getEpochSecond())).isLessThan(120);
        assertThat(signature.substring(signature.indexOf("v1=") + 3))
                .isEqualTo(hmacSha256(secret, t + "." + delivered.body()));
        assertThat((String) JsonPath.read(delivered.body(), "$.type")).isEqualTo("opportunity.created");
        assertThat((String) JsonPath.read(delivered.body(), "$.id"))
                .isEqualTo(delivered.headers().get("x-crm-event-id"));
        assertThat(((Number) JsonPath.read(delivered.body(), "$.workspaceId")).longValue())
                .isEqualTo(ws.id());
        assertThat(((Number) JsonPath.read(delivered.body(), "$.data.id")).longValue())
                .isEqualTo(deal);
        assertThat((String) JsonPath.read(delivered.body(), "$.data.name")).isEqualTo("Globex renewal");
        assertThat((String) JsonPath.read(delivered.body(), "$.occurredAt")).isNotBlank();

        String deliveries = mvc.perform(
                        get("/api/v1/webhooks/{id}/deliveries", id).with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].type").value("opportunity.created"))
                .andExpect(jsonPath("$[0].status").value("DELIVERED"))
                .andExpect(jsonPath("$[0].attempts").value(2))
                .andExpect(jsonPath("$[0].attemptLog[0].statusCode").value(200))
                .andExpect(jsonPath("$[0].attemptLog[1].statusCode").value(500))
                .andReturn()
                .getResponse()
                .getContentAsString();
        int deliveryId = JsonPath.read(deliveries, "$[0].id");

        mvc.perform(post("/api/v1/webhooks/{id}/deliveries/{d}/retry", id, deliveryId)
                        .with(ws.admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DELIVERED"))
                .andExpect(jsonPath("$.attemptLog.length()").value(3));
        assertThat(received).hasSize(3);
        assertThat(received.get(2).headers().get("x-crm-event-id"))
                .isEqualTo(delivered.headers().get("x-crm-event-id"));

        var other = workspaces.create();
        mvc.perform(get("/api/v1/webhooks/{id}", id).with(other.admin())).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks/{id}/deliveries", id).with(other.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/webhooks/{id}/deliveries/{d}/retry", id, deliveryId)
                        .with(other.admin()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/webhooks").with(other.admin()))
                .andExpect(jsonPath("$.length()").value(0));
        assertThat(received).hasSize(3);
    }

    @Test
    void aRecordsEventsArriveInTheOrderTheyHappened() throws Exception {
        String url = startReceiver();
        answers.add(503);
        var ws = workspaces.create();
        mvc.perform(json(post("/api/v1/webhooks"), ws, """
                {"url":"%s","events":["opportunity.created","opportunity.updated"]}""".formatted(url))).andExpect(status().isCreated());
        long deal = workspaces.addDeal(ws.adminEmail(), "Initech");
        mvc.perform(json(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch(
                                "/api/v1/opportunities/{id}", deal),
                        ws,
                        """
                        {"name":"Initech expansion","version":0}"""))
                .andExpect(status().isOk());

        sendUntil(Instant.now(), () -> received.size() >= 1);
        // the update is due, but waits while the creation before it is being retried
        TenantContext.runAs(ws.id(), () -> worker.sendDue(Instant.now()));
        assertThat(received).hasSize(1);
        sendUntil(Instant.now().plus(Duration.ofMinutes(1)), () -> received.size() >= 3);
        assertThat(received.stream()
                        .map(r -> (String) JsonPath.read(r.body(), "$.type"))
                        .toList())
                .containsExactly("opportunity.created", "opportunity.created", "opportunity.updated");
        assertThat((String) JsonPath.read(received.get(2).body(), "$.data.previous.name"))
                .isEqualTo("Initech");
        assertThat((String) JsonPath.read(received.get(2).body(), "$.data.name"))
                .isEqualTo("Initech expansion");
    }

    @Test
    void fiftyFailuresInARowPauseTheSubscriptionAndTheAdminIsTold() throws Exception {
        String url = startReceiver();
        for (int i = 0; i < 200; i++) {
            answers.add(500);
        }
        var ws = workspaces.create();
        int id = JsonPath.read(
                mvc.perform(json(post("/api/v1/webhooks"), ws, """
                        {"url":"%s","events":["lead.created"]}""".formatted(url)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(),
                "$.id");
        // test events that all fail (the sender's own retries of them count too, so the test watches the count)
        for (int i = 0; i < 60; i++) {
            String webhook = mvc.perform(get("/api/v1/webhooks/{id}", id).with(ws.admin()))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
            if ("PAUSED".equals(JsonPath.read(webhook, "$.status"))) {
                break;
            }
            assertThat((Integer) JsonPath.read(webhook, "$.failuresInRow")).isLessThan(50);
            mvc.perform(get("/api/v1/notifications").with(ws.admin()))
                    .andExpect(jsonPath("$.length()").value(0));
            mvc.perform(post("/api/v1/webhooks/{id}/test", id).with(ws.admin()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.attemptLog[0].statusCode").value(500));
        }
        mvc.perform(get("/api/v1/webhooks/{id}", id).with(ws.admin()))
                .andExpect(jsonPath("$.status").value("PAUSED"))
                .andExpect(jsonPath("$.failuresInRow").value(50));
        String notes = mvc.perform(get("/api/v1/notifications").with(ws.admin()))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].link").value("/settings/webhooks"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat((String) JsonPath.read(notes, "$[0].text")).contains(url).contains("paused");

        // paused: a new lead is not sent
        int before = received.size();
        mvc.perform(json(post("/api/v1/leads"), ws, """
                {"firstName":"Ada","lastName":"Lovelace","email":"ada@%s.test"}""".formatted(ws.suffix()))).andExpect(status().isCreated());
        TenantContext.runAs(ws.id(), () -> worker.sendDue(Instant.now().plus(Duration.ofHours(2))));
        assertThat(received).hasSize(before);
    }

    @Test
    void loopbackPrivateAndMetadataTargetsAreRefusedUnlessTheInstallationAllowsThem() throws Exception {
        TargetGuard strict = new TargetGuard(false);
        for (String url : List.of(
                "http://127.0.0.1:8080/hook",
                "http://localhost/hook",
                "http://10.0.0.7/hook",
                "http://192.168.1.20/hook",
                "http://172.16.5.4/hook",
                "http://169.254.169.254/latest/meta-data",
                "http://0.0.0.0/",
                "http://[::1]/hook",
                "http://[fd12:3456::1]/hook",
                "http://[fe80::1]/hook",
                "http://[::ffff:127.0.0.1]/hook")) {
            assertThatThrownBy(() -> strict.check(url))
                    .as(url)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("private");
        }
        assertThat(strict.check("https://93.184.216.34/hook").getHost()).isEqualTo("93.184.216.34");
        assertThat(new TargetGuard(true).check("http://127.0.0.1:9/hook").getPort())
                .isEqualTo(9);

        var ws = workspaces.create();
        mvc.perform(json(post("/api/v1/webhooks"), ws, """
                {"url":"ftp://files.example.com/x","events":["lead.created"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        mvc.perform(json(post("/api/v1/webhooks"), ws, """
                {"url":"https://93.184.216.34/hook","events":["lead.exploded"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("events"));
        var rep = workspaces.addPerson(ws, org.pipelinecrm.identity.Role.SALES_REP, null);
        mvc.perform(get("/api/v1/webhooks").with(rep.basic())).andExpect(status().isForbidden());
    }

    @Test
    void theSettingsPageAddsAWebhookShowsItsSecretOnceAndSendsATestEvent() throws Exception {
        String url = startReceiver();
        var ws = workspaces.create();
        var admin = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(
                users.loadUserByUsername(ws.adminEmail()));
        var added = mvc.perform(
                        post("/settings/webhooks")
                                .with(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("url", url)
                                .param("events", "lead.created", "task.completed")
                                .param("description", "Warehouse"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String secret = (String) added.getFlashMap().get("secret");
        assertThat(secret).startsWith("whsec_");
        String page = mvc.perform(get("/settings/webhooks").with(admin))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(url).contains("task.completed").doesNotContain(secret);

        long id = JsonPath.<Number>read(
                        mvc.perform(get("/api/v1/webhooks").with(ws.admin()))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(),
                        "$[0].id")
                .longValue();
        mvc.perform(
                        post("/settings/webhooks/{id}/test", id)
                                .with(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(received).hasSize(1);
        assertThat((String) JsonPath.read(received.get(0).body(), "$.type")).isEqualTo("webhook.test");
        assertThat(mvc.perform(get("/settings/webhooks").with(admin))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("webhook.test");

        mvc.perform(
                        post("/settings/webhooks")
                                .with(admin)
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .param("url", "not a url"))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("webhook-error")));
    }

    /** Runs the sender (as the scheduler would, at {@code now}) until the receiver has what is expected. */
    private void sendUntil(Instant now, BooleanSupplier done) throws InterruptedException {
        for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
            for (long tenant : tenantsOfTest) {
                TenantContext.runAs(tenant, () -> worker.sendDue(now));
            }
            if (!done.getAsBoolean()) {
                Thread.sleep(50);
            }
        }
        assertThat(done.getAsBoolean())
                .as("the receiver got the expected deliveries")
                .isTrue();
    }

    private final List<Long> tenantsOfTest = new CopyOnWriteArrayList<>();

    private MockHttpServletRequestBuilder json(
            MockHttpServletRequestBuilder request, TestWorkspaces.Workspace ws, String body) {
        tenantsOfTest.add(ws.id());
        return request.with(ws.admin()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            received.add(new Received(headers, body));
            Integer answer = answers.poll();
            exchange.sendResponseHeaders(answer == null ? 200 : answer, -1);
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
