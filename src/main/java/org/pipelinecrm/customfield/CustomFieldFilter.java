package org.pipelinecrm.customfield;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.data.jpa.domain.Specification;

/**
 * Conditions on custom field values, for the record modules to add to their queries. Each condition asks for the
 * record's id among the rows of {@code custom_field_value} (V95) of one field whose typed value is equal to, at
 * least or at most the value given; a multi-select must hold each option given. A number is compared first as a
 * double on the indexed {@code number_key} (numeric's operators are not leakproof; rounding keeps the order, so this
 * drops no match), then exactly on {@code number_value}. The table's btree indexes lead
 * with tenant_id and the field, and its operators are leakproof, so row-level security leaves the index usable.
 * Keys and values were checked against the field definitions; values reach the database as bound parameters.
 */
public final class CustomFieldFilter {

    public static final String PREFIX = "cf.";

    /** The workspace of the session, as the row-level security policies read it. */
    static final String TENANT = "nullif(current_setting('app.tenant_id', true), '')::bigint";

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

    /**
     * The conditions as SQL, each starting with " and ", on a record table's alias (e.g. "o" for opportunity o,
     * whose tenant_id and id columns are compared).
     */
    public String sql(String alias, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String field = "cf_" + i + "_field";
            String value = "cf_" + i;
            params.put(field, c.fieldId());
            params.put(value, c.value());
            sql.append(" and (")
                    .append(alias)
                    .append(".tenant_id, ")
                    .append(alias)
                    .append(".id) in (select v.tenant_id, v.record_id from custom_field_value v where v.field_id = :")
                    .append(field)
                    .append(" and ");
            if (c.column() == Column.NUMBER) {
                String key = "cf_" + i + "_key";
                params.put(key, ((BigDecimal) c.value()).doubleValue());
                sql.append("v.number_key ")
                        .append(c.operator().sql)
                        .append(" :")
                        .append(key)
                        .append(" and ");
            }
            sql.append("v.")
                    .append(c.column().column)
                    .append(' ')
                    .append(c.operator().sql)
                    .append(" :")
                    .append(value)
                    .append(')');
        }
        return sql.toString();
    }

    /**
     * The conditions as SQL that checks each record in turn, each starting with " and ": for every condition, one
     * look-up of the record's own value rows by the value table's primary key (workspace, kind, record, field).
     * {@code offset 0} keeps the planner from turning the look-up into a join with every matching value, so a
     * query that walks an index in its own order (the board's column in stage order) stops as soon as it has its
     * page: best when many records match.
     */
    public String probeSql(String alias, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < conditions.size(); i++) {
            Condition c = conditions.get(i);
            String kind = "cf_" + i + "_kind";
            params.put(kind, c.kind().name());
            sql.append(" and exists (select 1 from custom_field_value v where v.tenant_id = ")
                    .append(alias)
                    .append(".tenant_id and v.record_kind = :")
                    .append(kind)
                    .append(" and v.record_id = ")
                    .append(alias)
                    .append(".id and ")
                    .append(test(c, i, params))
                    .append(" offset 0)");
        }
        return sql.toString();
    }

    /**
     * The conditions as SQL that starts from the matching values, starting with " and ": the ids of the records
     * whose value rows match every condition (read once from the value indexes, intersected) as an array the
     * record table's primary key is probed with. Best when few records match, and for sums over all of them.
     */
    public String idsSql(String alias, Map<String, Object> params) {
        if (conditions.isEmpty()) {
            return "";
        }
        StringBuilder sql = new StringBuilder(" and ").append(alias).append(".id = any(array(");
        for (int i = 0; i < conditions.size(); i++) {
            if (i > 0) {
                sql.append(" intersect ");
            }
            sql.append("select v.record_id from custom_field_value v where v.tenant_id = ")
                    .append(TENANT)
                    .append(" and ")
                    .append(test(conditions.get(i), i, params));
        }
        return sql.append("))").toString();
    }

    /** One condition on the value row v: its field, and its typed value compared (a number on its key first). */
    private static String test(Condition c, int i, Map<String, Object> params) {
        String field = "cf_" + i + "_field";
        String value = "cf_" + i;
        params.put(field, c.fieldId());
        params.put(value, c.value());
        StringBuilder sql = new StringBuilder("v.field_id = :").append(field).append(" and ");
        if (c.column() == Column.NUMBER) {
            String key = "cf_" + i + "_key";
            params.put(key, ((BigDecimal) c.value()).doubleValue());
            sql.append("v.number_key ")
                    .append(c.operator().sql)
                    .append(" :")
                    .append(key)
                    .append(" and ");
        }
        return sql.append("v.")
                .append(c.column().column)
                .append(' ')
                .append(c.operator().sql)
                .append(" :")
                .append(value)
                .toString();
    }

    /** The conditions on an entity's {@code id} attribute (the record's id). */
    public <T> Specification<T> specification() {
        return (root, query, cb) -> cb.and(conditions.stream()
                .map(c -> cb.isTrue(
                        c.column() == Column.NUMBER
                                ? cb.function(
                                        CustomFieldFunctions.name(c.column(), c.operator()),
                                        Boolean.class,
                                        root.get("id"),
                                        cb.literal(c.fieldId()),
                                        cb.literal(((BigDecimal) c.value()).doubleValue()),
                                        cb.literal(c.value()))
                                : cb.function(
                                        CustomFieldFunctions.name(c.column(), c.operator()),
                                        Boolean.class,
                                        root.get("id"),
                                        cb.literal(c.fieldId()),
                                        cb.literal(c.value()))))
                .toArray(jakarta.persistence.criteria.Predicate[]::new));
    }

    /** The typed column of custom_field_value a field's values are kept in. */
    enum Column {
        TEXT("text_value"),
        NUMBER("number_value"),
        DATE("date_value"),
        BOOL("bool_value");

        final String column;

        Column(String column) {
            this.column = column;
        }

        static Column of(FieldType type) {
            return switch (type) {
                case TEXT, LONG_TEXT, URL, SELECT, MULTI_SELECT -> TEXT;
                case NUMBER, MONEY, USER -> NUMBER;
                case DATE -> DATE;
                case BOOLEAN -> BOOL;
            };
        }
    }

    enum Operator {
        EQ("="),
        GTE(">="),
        LTE("<=");

        final String sql;

        Operator(String sql) {
            this.sql = sql;
        }
    }

    /** One condition: the field's value (as stored, typed for its column) compared with {@code value}. */
    record Condition(long fieldId, RecordKind kind, Column column, Operator operator, Object value) {

        /** The conditions a filter value gives: one, or one per option of a multi-select (each must be there). */
        static List<Condition> of(FieldView def, Operator operator, Object value) {
            Column column = Column.of(def.type());
            if (value instanceof List<?> options) {
                return options.stream()
                        .map(o -> new Condition(def.id(), def.recordKind(), column, operator, (Object) o))
                        .toList();
            }
            Object typed = switch (column) {
                case NUMBER -> value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
                case DATE -> LocalDate.parse(value.toString());
                case TEXT, BOOL -> value;
            };
            return List.of(new Condition(def.id(), def.recordKind(), column, operator, typed));
        }
    }
}
