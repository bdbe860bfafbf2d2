package org.pipelinecrm.winmodel;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The win model's benchmark and real-data check, without the application (run by {@code bench/win-model.sh}):
 * the trainer, features and scoring the product uses, fed from generated deals or from a public dataset file.
 *
 * <ul>
 *   <li>{@code generated N} — N generated closed deals (referrals win 80 %, others 20 %, plus noise factors): training
 *       time (backtest + final fit) three times, and the CPU cost of scoring 100 board cards.
 *   <li>{@code maven DIR} — maven_crm_sales_opportunities: closed deals with agent, sector, product, list price, age.
 *   <li>{@code salvirt FILE} — salvirt_b2b_sales: 448 closed deals with 22 qualification attributes.
 * </ul>
 */
public final class WinModelBench {

    private static final Instant NOW = Instant.parse("2026-12-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "generated" -> generated(Integer.parseInt(args[1]));
            case "maven" -> report(maven(Path.of(args[1])), Map.of());
            case "salvirt" -> report(salvirt(Path.of(args[1])), Map.of());
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    // ---- generated history: training time and scoring cost

    static void generated(int n) {
        Random random = new Random(16);
        String[] sources = {"Referral", "Cold call", "Webinar", "Partner", "Web form"};
        String[] industries = {"Retail", "Banking", "Software", "Health", "Logistics", "Energy"};
        Map<Long, Double> usual = Map.of(1L, 12.0, 2L, 20.0, 3L, 9.0);
        Map<String, Features.CustomKind> custom = Map.of("tier", Features.CustomKind.SELECT);
        List<Trainer.Observation> rows = new ArrayList<>(n);
        List<Signals.Deal> open = new ArrayList<>();
        for (int i = 0; i < n + 100; i++) {
            String source = sources[random.nextInt(sources.length)];
            boolean won = random.nextDouble() < (source.equals("Referral") ? 0.8 : 0.2);
            Instant closed = NOW.minus(Duration.ofHours((long) (n + 100 - i) * 2));
            Instant opened = closed.minus(Duration.ofDays(5 + random.nextInt(120)));
            long stage = 1 + random.nextInt(3);
            Signals.Deal deal = new Signals.Deal(
                    i,
                    1,
                    i < n ? 10 : stage,
                    i < n ? (won ? "WON" : "LOST") : "OPEN",
                    BigDecimal.valueOf(1_000 + random.nextInt(90_000)),
                    30,
                    1 + random.nextInt(20),
                    source,
                    industries[random.nextInt(industries.length)],
                    opened,
                    i < n ? closed : null,
                    closed.minus(Duration.ofDays(random.nextInt(30))),
                    stage,
                    closed.minus(Duration.ofDays(random.nextInt(30))),
                    random.nextInt(6),
                    random.nextBoolean() ? Map.of("bant.BUDGET", "MET") : Map.of("bant.BUDGET", "NOT_MET"),
                    Map.of("tier", "T" + random.nextInt(4)));
            if (i < n) {
                rows.add(new Trainer.Observation(Features.of(deal, NOW, usual, custom), won, 0.3));
            } else {
                open.add(deal);
            }
        }
        long[] ms = new long[3];
        long[] cpu = new long[3];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Trainer.Result result = null;
        for (int k = 0; k < 3; k++) {
            long t = System.nanoTime();
            long c0 = threads.getCurrentThreadCpuTime();
            result = Trainer.train(rows, usual);
            ms[k] = (System.nanoTime() - t) / 1_000_000;
            cpu[k] = (threads.getCurrentThreadCpuTime() - c0) / 1_000_000;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "closed deals %d: training (backtest + final fit) wall %s ms, median %d ms; CPU %s ms, median %d ms;"
                        + " backtest AUC %.3f (stage %.3f), Brier %.3f%n",
                n,
                Arrays.toString(ms),
                ms[1],
                Arrays.toString(cpu),
                cpu[1],
                result.backtest().auc(),
                result.backtest().stageAuc(),
                result.backtest().brier());
        // scoring a board page: features, dot product and every factor's points for 100 cards
        Coefficients c = result.model();
        double[] perPage = new double[200];
        long sink = 0;
        for (int rep = 0; rep < perPage.length; rep++) {
            long t = threads.getCurrentThreadCpuTime();
            for (Signals.Deal d : open) {
                Coefficients.Scored s = c.score(Features.of(d, NOW, usual, custom));
                for (String g : s.contributions().keySet()) {
                    sink += Math.round(s.points(g));
                }
            }
            perPage[rep] = (threads.getCurrentThreadCpuTime() - t) / 1e6;
        }
        double[] warm = Arrays.copyOfRange(perPage, 50, perPage.length);
        Arrays.sort(warm);
        System.out.printf(
                Locale.ROOT,
                "scoring 100 cards (features, dot product, points of every factor): CPU median %.3f ms, p95 %.3f ms (%d)%n",
                warm[warm.length / 2],
                warm[(int) (warm.length * 0.95)],
                sink % 2);
    }

    // ---- real data

    record Loaded(String name, List<Trainer.Observation> rows) {}

    /** maven_crm_sales_opportunities: Won/Lost deals by close date; amount is the product's list price. */
    static Loaded maven(Path dir) throws IOException {
        Map<String, String> sector = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("accounts.csv")).subList(1, 86)) {
            String[] f = line.split(",", -1);
            sector.put(f[0], f[1]);
        }
        Map<String, Double> price = new HashMap<>();
        for (String line :
                Files.readAllLines(dir.resolve("products.csv")).stream().skip(1).toList()) {
            String[] f = line.split(",", -1);
            price.put(f[0].replace(" ", ""), Double.parseDouble(f[2]));
        }
        Map<String, Long> agents = new HashMap<>();
        List<Signals.Deal> deals = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("sales_pipeline.csv")).stream()
                .skip(1)
                .toList()) {
            String[] f = line.split(",", -1);
            if (!f[4].equals("Won") && !f[4].equals("Lost") || f[5].isEmpty() || f[6].isEmpty()) {
                continue;
            }
            Instant engaged = LocalDate.parse(f[5]).atStartOfDay().toInstant(ZoneOffset.UTC);
            Instant closed = LocalDate.parse(f[6]).atStartOfDay().toInstant(ZoneOffset.UTC);
            long owner = agents.computeIfAbsent(f[1], k -> (long) agents.size() + 1);
            deals.add(new Signals.Deal(
                    deals.size(),
                    1,
                    9,
                    f[4].toUpperCase(Locale.ROOT),
                    BigDecimal.valueOf(price.getOrDefault(f[2].replace(" ", ""), 0.0)),
                    0,
                    owner,
                    null,
                    f[3].isEmpty() ? null : sector.get(f[3]),
                    engaged,
                    closed,
                    closed,
                    null,
                    null,
                    0,
                    Map.of(),
                    Map.of("product", f[2])));
        }
        deals.sort(Comparator.comparing(Signals.Deal::closedAt).thenComparing(Signals.Deal::id));
        Map<String, Features.CustomKind> custom = Map.of("product", Features.CustomKind.SELECT);
        List<Trainer.Observation> rows = deals.stream()
                .map(d -> new Trainer.Observation(Features.of(d, NOW, Map.of(), custom), d.won(), 0.5))
                .toList();
        return new Loaded("maven_crm_sales_opportunities", rows);
    }

    /** salvirt_b2b_sales: no dates, so the file's order stands for the close order. */
    static Loaded salvirt(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).trim().split(";");
        Map<String, Long> sellers = new HashMap<>();
        Map<String, Features.CustomKind> custom = new LinkedHashMap<>();
        List<Trainer.Observation> rows = new ArrayList<>();
        Instant t = NOW.minus(Duration.ofDays(lines.size()));
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.trim().split(";", -1);
            Map<String, Object> fields = new HashMap<>();
            String source = null;
            long owner = 0;
            for (int i = 0; i < header.length - 1; i++) {
                switch (header[i]) {
                    case "Source" -> source = f[i];
                    case "Seller" -> owner = sellers.computeIfAbsent(f[i], k -> (long) sellers.size() + 1);
                    default -> {
                        String key = header[i].toLowerCase(Locale.ROOT);
                        custom.put(key, Features.CustomKind.SELECT);
                        fields.put(key, f[i]);
                    }
                }
            }
            boolean won = f[header.length - 1].equals("Won");
            t = t.plus(Duration.ofDays(1));
            Signals.Deal d = new Signals.Deal(
                    rows.size(),
                    1,
                    9,
                    won ? "WON" : "LOST",
                    BigDecimal.ZERO,
                    0,
                    owner,
                    source,
                    null,
                    t,
                    t,
                    t,
                    null,
                    null,
                    0,
                    Map.of(),
                    fields);
            rows.add(new Trainer.Observation(Features.of(d, NOW, Map.of(), custom), won, 0.5));
        }
        return new Loaded("salvirt_b2b_sales", rows);
    }

    static void report(Loaded data, Map<String, String> unused) {
        long won = data.rows().stream().filter(Trainer.Observation::won).count();
        long t = System.nanoTime();
        Trainer.Result r = Trainer.train(data.rows(), Map.of());
        long ms = (System.nanoTime() - t) / 1_000_000;
        var b = r.backtest();
        System.out.printf(
                Locale.ROOT,
                "%s: %d closed deals (%d won, %.1f %%), trained in %d ms%n",
                data.name(),
                data.rows().size(),
                won,
                100.0 * won / data.rows().size(),
                ms);
        System.out.printf(
                Locale.ROOT,
                "backtest on the newest %d: AUC %.3f, Brier %.3f; stage probability (one stage): AUC %.3f, Brier %.3f%n",
                b.tested(),
                b.auc(),
                b.brier(),
                b.stageAuc(),
                b.stageBrier());
        System.out.println("calibration (decile: deals, predicted, actual):");
        b.calibration()
                .forEach(d -> System.out.printf(
                        Locale.ROOT,
                        "  %2d: %4d  %5.1f %%  %5.1f %%%n",
                        d.decile(),
                        d.deals(),
                        100 * d.predicted(),
                        100 * d.actual()));
        // what moves deals most: mean absolute points per factor over all deals, and the strongest single features
        Coefficients c = r.model();
        Map<String, Double> meanAbs = new HashMap<>();
        for (Trainer.Observation o : data.rows()) {
            Coefficients.Scored s = c.score(o.features());
            s.contributions()
                    .keySet()
                    .forEach(g ->
                            meanAbs.merge(g, Math.abs(s.points(g)) / data.rows().size(), Double::sum));
        }
        System.out.println("factors by mean absolute points:");
        meanAbs.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-22s %5.1f%n", e.getKey(), e.getValue()));
        System.out.println("strongest features (weight on the log-odds, scaled numbers):");
        c.weights().entrySet().stream()
                .sorted(Comparator.comparingDouble((Map.Entry<String, Double> e) -> -Math.abs(e.getValue())))
                .limit(12)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %-40s %+.2f%n", e.getKey(), e.getValue()));
    }
}
