package org.pipelinecrm.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** How long each query set of one dashboard took; logged at debug level for the benchmark to read. */
final class QueryTimings {

    private final Map<String, Double> millis = new LinkedHashMap<>();

    <T> T time(String name, Supplier<T> query) {
        long start = System.nanoTime();
        try {
            return query.get();
        } finally {
            millis.merge(name, (System.nanoTime() - start) / 1_000_000.0, Double::sum);
        }
    }

    @Override
    public String toString() {
        StringBuilder line = new StringBuilder();
        millis.forEach((name, ms) -> line.append(name)
                .append('=')
                .append(String.format(java.util.Locale.ROOT, "%.1f", ms))
                .append(' '));
        return line.toString().trim();
    }
}
