import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for the board benchmark; plain JDK, run as {@code java bench/BoardLoad.java ...}.
 *
 * board MODE: CLIENTS clients read the first page of every column (with column totals) for SECONDS.
 * moves MODE: CLIENTS clients each own a disjoint slice of deals and move them between open stages
 * with the version they hold, for SECONDS. Prints latency percentiles, throughput and errors.
 *
 * Arguments: baseUrl token mode clients seconds pipelineId stageIds(comma) [dealIdsFile]
 */
public class BoardLoad {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = args[1];
        String mode = args[2];
        int clients = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        String pipelineId = args[5];
        String[] stages = args[6].split(",");
        List<Long> deals = args.length > 7 ? java.nio.file.Files.readAllLines(java.nio.file.Path.of(args[7]))
                .stream().filter(l -> !l.isBlank()).map(l -> Long.parseLong(l.trim())).toList() : List.of();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(4)).build();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        for (int c = 0; c < clients; c++) {
            int client = c;
            pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = client; i < deals.size(); i += clients) {
                    mine.add(deals.get(i));
                }
                long[] versions = new long[mine.size()];
                int[] stageOf = new int[mine.size()];
                int next = 0;
                while (System.nanoTime() < end) {
                    HttpRequest request;
                    int slot = -1;
                    if (mode.equals("board")) {
                        request = HttpRequest.newBuilder(URI.create(base + "/api/v1/board?pipelineId=" + pipelineId + "&perStage=20"))
                                .header("Authorization", "Bearer " + token).GET().build();
                    } else {
                        slot = next++ % mine.size();
                        stageOf[slot] = (stageOf[slot] + 1) % stages.length;
                        String body = "{\"stageId\": " + stages[stageOf[slot]] + ", \"version\": " + versions[slot] + "}";
                        request = HttpRequest.newBuilder(URI.create(base + "/api/v1/opportunities/" + mine.get(slot) + "/move"))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    }
                    long started = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies.add(System.nanoTime() - started);
                        if (response.statusCode() != 200) {
                            if (errors.incrementAndGet() < 5) {
                                System.err.println(response.statusCode() + " " + response.body());
                            }
                        } else if (slot >= 0) {
                            Matcher version = Pattern.compile("\"version\"\\s*:\\s*(\\d+)").matcher(response.body());
                            if (version.find()) {
                                versions[slot] = Long.parseLong(version.group(1));
                            }
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        int n = sorted.size();
        System.out.printf(Locale.ROOT, "mode=%s clients=%d seconds=%d requests=%d errors=%d throughput=%.0f/s "
                        + "p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms%n",
                mode, clients, seconds, n, errors.get(), n / (double) seconds,
                pct(sorted, 0.50), pct(sorted, 0.95), pct(sorted, 0.99), n == 0 ? 0 : sorted.get(n - 1) / 1e6);
        System.exit(0);
    }

    private static double pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1)) / 1e6;
    }
}
