package org.pipelinecrm.customfield;

import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;

/**
 * Conditions on custom field values, for the record modules to add to their queries: an equal value as JSON
 * containment ({@code custom_fields @> '{"key": value}'}, which the column's GIN index answers; a multi-select
 * contains the option), a range as a JSON path test. Keys and values were checked against the field definitions,
 * and both reach the database as bound parameters.
 */
public final class CustomFieldFilter {

    public static final String PREFIX = "cf.";

    private final List<Condition> conditions;

    CustomFieldFilter(List<Condition> conditions) {
        this.conditions = List.copyOf(conditions);
    }

    public static CustomFieldFilter none() {
        return new CustomFieldFilter(List.of());
    }

    public boolean isEmpty() {
        return conditions.isEmpty();
    }

    /** The conditions as SQL, each starting with " and ", on {@code column} (e.g. "o.custom_fields"). */
    public String sql(String column, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String param = "cf_" + i;
            params.put(param, c.argument());
            sql.append(
                    c.contains()
                            ? " and " + column + " @> cast(:" + param + " as jsonb)"
                            : " and jsonb_path_exists(" + column + ", cast(:" + param + " as jsonpath))");
        }
        return sql.toString();
    }

    /** The conditions on an entity's {@code customFields} attribute (mapped to the jsonb column). */
    public <T> Specification<T> specification() {
        return (root, query, cb) -> cb.and(conditions.stream()
                .map(c -> cb.isTrue(cb.function(
                        c.contains() ? CustomFieldFunctions.CONTAINS : CustomFieldFunctions.PATH,
                        Boolean.class,
                        root.get("customFields"),
                        cb.literal(c.argument()))))
                .toArray(jakarta.persistence.criteria.Predicate[]::new));
    }

    /** One condition: a JSON object the values contain, or a JSON path they match. */
    record Condition(boolean contains, String argument) {

        static Condition equal(String key, Object value) {
            return new Condition(true, CustomFields.JSON.writeValueAsString(Map.of(key, value)));
        }

        /** Keys are identifiers and values checked numbers or ISO dates, so the path text holds nothing else. */
        static Condition range(String key, String operator, Object value) {
            String literal = value instanceof String s ? "\"" + s + "\"" : CustomFields.text(value);
            return new Condition(false, "$.\"" + key + "\" ? (@ " + operator + " " + literal + ")");
        }
    }
}
