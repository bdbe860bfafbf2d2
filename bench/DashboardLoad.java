import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the dashboard benchmark; plain JDK: {@code java bench/DashboardLoad.java ...}.
 * Each client signs in with the form (its own session), then for SECONDS alternates the dashboard page and
 * GET /api/v1/metrics (the same session cookie works for the page only, so the API call uses a token),
 * switching between the whole workspace, one team and one rep. Prints latency percentiles per request kind.
 *
 * Arguments: baseUrl email password from to teamId clients seconds
 */
public class DashboardLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String email = args[1];
        String password = args[2];
        String from = args[3];
        String to = args[4];
        String team = args[5];
        int clients = Integer.parseInt(args[6]);
        int seconds = Integer.parseInt(args[7]);
        String token = token(base, email, password);
        // team 0: the workspace has no team (sign-up makes none); asking for it would answer 404 (an unknown team)
        String[] filters = "0".equals(team) ? new String[] {""} : new String[] {"", "&teamId=" + team, ""};
        List<long[]> page = Collections.synchronizedList(new ArrayList<>());
        List<long[]> api = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        java.util.Map<String, Integer> causes = new java.util.concurrent.ConcurrentSkipListMap<>();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                try {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                            .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
                    signIn(http, base, email, password);
                    int i = client;
                    while (System.nanoTime() < end) {
                        String filter = filters[i++ % filters.length];
                        String period = "QUARTER:" + from;
                        long t0 = System.nanoTime();
                        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/dashboard?period="
                                + URLEncoder.encode(period, StandardCharsets.UTF_8) + filter)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long t1 = System.nanoTime();
                        if (r.statusCode() != 200 || !r.body().contains("figure-won-amount")) {
                            errors.incrementAndGet();
                            cause(causes, "page " + r.statusCode() + (r.statusCode() == 200 ? " without the figures" : "")
                                    + location(r));
                        } else {
                            page.add(new long[] {(t1 - t0) / 1000});
                        }
                        t0 = System.nanoTime();
                        var a = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/metrics?from=" + from + "&to=" + to
                                + filter)).header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
                        t1 = System.nanoTime();
                        if (a.statusCode() != 200) {
                            errors.incrementAndGet();
                            cause(causes, "metrics " + a.statusCode() + " " + code(a.body()));
                        } else {
                            api.add(new long[] {(t1 - t0) / 1000});
                        }
                    }
                } catch (Exception e) {
                    // the client stops here: its later requests are not made
                    errors.incrementAndGet();
                    cause(causes, "client stopped: " + e.getClass().getSimpleName() + " " + e.getMessage());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 120, TimeUnit.SECONDS);
        print("dashboard page", page, seconds);
        print("GET /api/v1/metrics", api, seconds);
        System.out.println("errors " + errors.get());
        causes.forEach((cause, n) -> System.out.println("  error: " + cause + " x" + n));
    }

    private static void cause(java.util.Map<String, Integer> causes, String cause) {
        causes.merge(cause, 1, Integer::sum);
    }

    private static String location(HttpResponse<String> r) {
        return r.headers().firstValue("Location").map(l -> " to " + l).orElse("");
    }

    private static String code(String body) {
        var m = java.util.regex.Pattern.compile("\"code\"\\s*:\\s*\"([^\"]+)\"").matcher(body == null ? "" : body);
        return m.find() ? m.group(1) : body == null ? "" : body.substring(0, Math.min(80, body.length()));
    }

    private static void print(String name, List<long[]> samples, int seconds) {
        List<Long> micros = new ArrayList<>(samples.stream().map(s -> s[0]).toList());
        Collections.sort(micros);
        if (micros.isEmpty()) {
            System.out.println(name + ": no successful requests");
            return;
        }
        System.out.println(String.format(Locale.ROOT, "%s: requests %d (%.1f/s)  p50 %.0f ms  p95 %.0f ms  p99 %.0f ms  max %.0f ms",
                name, micros.size(), micros.size() / (double) seconds, at(micros, 0.50), at(micros, 0.95), at(micros, 0.99),
                micros.get(micros.size() - 1) / 1000.0));
    }

    private static double at(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * q))) / 1000.0;
    }

    private static void signIn(HttpClient http, String base, String email, String password) throws Exception {
        var login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + csrf.group(1);
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode());
        }
    }

    private static String token(String base, String email, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String basic = java.util.Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench-"
                        + System.nanoTime() + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new IllegalStateException("no token: " + r.statusCode() + " " + r.body());
        }
        return m.group(1);
    }
}
