package org.pipelinecrm.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The detail of a system-written lead timeline entry in no language: codes and values as {@code KEY=value} pairs
 * joined by ";" (e.g. {@code BUDGET=MET;NEED=NOT_MET}), so that each reader sees it worded in their own language.
 * Values may hold anything a person typed: ";" and "%" in them are escaped. Entries written before details took
 * this form (English sentences) do not parse, and are shown as they were stored.
 */
public final class TimelineFacts {

    private static final Pattern FORM = Pattern.compile("[A-Z][A-Z0-9_]*=[^;]*(;[A-Z][A-Z0-9_]*=[^;]*)*");

    private final Map<String, String> facts = new LinkedHashMap<>();

    private TimelineFacts() {}

    public static TimelineFacts of(String key, Object value) {
        return new TimelineFacts().and(key, value);
    }

    public static TimelineFacts none() {
        return new TimelineFacts();
    }

    /** Adds one fact; a null value is stored empty ("no value", e.g. a note removed). */
    public TimelineFacts and(String key, Object value) {
        if (!key.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("A fact's key is an upper-case code: " + key);
        }
        facts.put(key, value == null ? "" : value.toString());
        return this;
    }

    public boolean isEmpty() {
        return facts.isEmpty();
    }

    /** The facts in the order they were added; an empty value means none. */
    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(facts);
    }

    public String get(String key) {
        return facts.get(key);
    }

    /** The stored form, e.g. {@code BUDGET=MET;BUDGET_NOTE=Set aside for Q3}. */
    public String encode() {
        StringBuilder out = new StringBuilder();
        facts.forEach((key, value) -> {
            if (!out.isEmpty()) {
                out.append(';');
            }
            out.append(key).append('=').append(value.replace("%", "%25").replace(";", "%3B"));
        });
        return out.toString();
    }

    /** The facts of a stored detail; empty when it is not in this form (an older English sentence, a typed note). */
    public static Optional<TimelineFacts> parse(String detail) {
        if (detail == null || !FORM.matcher(detail).matches()) {
            return Optional.empty();
        }
        TimelineFacts parsed = new TimelineFacts();
        for (String pair : detail.split(";", -1)) {
            int eq = pair.indexOf('=');
            parsed.facts.put(pair.substring(0, eq), unescape(pair.substring(eq + 1)));
        }
        return Optional.of(parsed);
    }

    private static String unescape(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            if (value.startsWith("%25", i)) {
                out.append('%');
                i += 2;
            } else if (value.startsWith("%3B", i)) {
                out.append(';');
                i += 2;
            } else {
                out.append(value.charAt(i));
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
