package org.pipelinecrm.customfield;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workspace's custom fields: admins define them; the record modules call this to check and convert the values a
 * caller gives (on create and edit), to show the values of active fields, and to filter by them. Values are kept by
 * each record as one JSON object of {key: value}; this class is the one place that knows their rules.
 */
@Service
@Transactional(readOnly = true)
public class CustomFields {

    /** At most this many fields per kind of record, and options per select. */
    static final int MAX_FIELDS = 100;

    static final int MAX_OPTIONS = 100;

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

    private final CustomFieldRepository fields;
    private final People people;

    CustomFields(CustomFieldRepository fields, People people) {
        this.fields = fields;
        this.people = people;
    }

    /** Every field of the kind (retired ones too) in position order; {@code kind} null: of every kind. */
    public List<FieldView> fields(RecordKind kind) {
        List<CustomField> found = kind == null
                ? fields.findAllByOrderByRecordKindAscPositionAscIdAsc()
                : fields.findAllByRecordKindOrderByPositionAscIdAsc(kind);
        return found.stream().map(CustomField::toView).toList();
    }

    /** The fields records of the kind show and take now, in position order. */
    public List<FieldView> active(RecordKind kind) {
        return fields(kind).stream().filter(FieldView::active).toList();
    }

    /** The active fields a filter bar offers: choices, yes/no, and ranges of numbers, money and dates. */
    public List<FieldView> filterable(RecordKind kind) {
        return active(kind).stream()
                .filter(f -> f.type().hasOptions()
                        || f.type() == FieldType.BOOLEAN
                        || f.type().ranged())
                .toList();
    }

    public FieldView field(long id) {
        return load(id).toView();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FieldView define(DefineCmd cmd) {
        String key = cmd.key().trim();
        if (fields.findByRecordKindAndKey(cmd.recordKind(), key).isPresent()) {
            throw new InvalidInputException(
                    "key", "problem.field.custom-field-key-taken", "key: a field of this kind has that key already");
        }
        List<FieldView> existing = fields(cmd.recordKind());
        if (existing.size() >= MAX_FIELDS) {
            throw new InvalidInputException(
                    "key", "problem.field.too-many", "at most " + MAX_FIELDS + " fields per kind", MAX_FIELDS);
        }
        int position = cmd.position() != null
                ? cmd.position()
                : existing.stream().mapToInt(FieldView::position).max().orElse(-1) + 1;
        CustomField field = new CustomField(cmd.recordKind(), key, cmd.type(), position);
        field.describe(
                cmd.label().trim(),
                labelFa(cmd.labelFa(), cmd.label()),
                options(cmd.type(), cmd.options()),
                Boolean.TRUE.equals(cmd.required()));
        return fields.saveAndFlush(field).toView();
    }

    /** Changes what was given; {@code active = false} retires the field (its values stay, hidden). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public FieldView change(long id, ChangeCmd cmd) {
        CustomField field = load(id);
        if (field.getVersion() != cmd.version()) {
            throw new ObjectOptimisticLockingFailureException(CustomField.class, id);
        }
        FieldView now = field.toView();
        String label =
                cmd.label() != null && !cmd.label().isBlank() ? cmd.label().trim() : now.label();
        field.describe(
                label,
                cmd.labelFa() != null ? labelFa(cmd.labelFa(), label) : now.labelFa(),
                cmd.options() != null ? options(now.type(), cmd.options()) : now.options(),
                cmd.required() != null ? cmd.required() : now.required());
        if (cmd.position() != null) {
            field.moveTo(cmd.position());
        }
        if (cmd.active() != null) {
            field.activate(cmd.active());
        }
        fields.flush();
        return field.toView();
    }

    /** Moves the fields of a kind into the order given (ids of that kind; others keep their places after them). */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void reorder(RecordKind kind, List<Long> ids) {
        List<CustomField> all = fields.findAllByRecordKindOrderByPositionAscIdAsc(kind);
        List<CustomField> ordered = new ArrayList<>();
        for (Long id : ids) {
            all.stream()
                    .filter(f -> f.getId().equals(id) && !ordered.contains(f))
                    .findFirst()
                    .ifPresent(ordered::add);
        }
        all.stream().filter(f -> !ordered.contains(f)).forEach(ordered::add);
        for (int i = 0; i < ordered.size(); i++) {
            ordered.get(i).moveTo(i);
        }
        fields.flush();
    }

    /**
     * The stored values after the given ones are laid over them, as JSON: each given key must name an active field of
     * the kind and its value fit the field's type; null or "" removes a value. Creating, every required field must
     * end with a value; editing, a required field cannot be emptied. Values of retired fields stay as they are.
     * Throws {@link InvalidInputException} naming {@code customFields.KEY} before anything is written.
     */
    public String write(RecordKind kind, String stored, Map<String, ?> given, boolean creating) {
        return write(byKey(active(kind)), stored, given, creating);
    }

    /** {@link #write} with one look at the kind's definitions for many records (an import's chunk of rows). */
    public Writer writer(RecordKind kind) {
        Map<String, FieldView> defs = byKey(active(kind));
        return (stored, given, creating) -> write(defs, stored, given, creating);
    }

    /** Writes records' values as {@link #write} does, with the definitions read when it was made. */
    @FunctionalInterface
    public interface Writer {
        String write(String stored, Map<String, ?> given, boolean creating);
    }

    private String write(Map<String, FieldView> defs, String stored, Map<String, ?> given, boolean creating) {
        Map<String, Object> values = read(stored);
        Map<String, ?> changes = given == null ? Map.of() : given;
        for (var entry : changes.entrySet()) {
            FieldView def = defs.get(entry.getKey());
            if (def == null) {
                throw new InvalidInputException(
                        name(entry.getKey()),
                        "problem.field.custom-field-unknown",
                        name(entry.getKey()) + ": no such field",
                        String.join(", ", defs.keySet()));
            }
            Object value = convert(def, entry.getValue(), name(def.key()));
            if (value == null) {
                if (def.required()) {
                    throw required(def);
                }
                values.remove(def.key());
            } else {
                values.put(def.key(), value);
            }
        }
        if (creating) {
            for (FieldView def : defs.values()) {
                if (def.required() && !values.containsKey(def.key())) {
                    throw required(def);
                }
            }
        }
        return JSON.writeValueAsString(values);
    }

    /**
     * Checks one value for the active field {@code key} of the kind as {@link #write} would (unknown key, wrong type,
     * outside the options, a required field left empty), naming {@code field} in the error; answers the field.
     */
    public FieldView check(RecordKind kind, String key, Object value, String field) {
        Map<String, FieldView> defs = byKey(active(kind));
        FieldView def = defs.get(key);
        if (def == null) {
            throw new InvalidInputException(
                    field,
                    "problem.field.custom-field-unknown",
                    field + ": no such field",
                    String.join(", ", defs.keySet()));
        }
        if (convert(def, value, field) == null && def.required()) {
            throw new InvalidInputException(field, "problem.field.required", field + ": required");
        }
        return def;
    }

    /** The values of the kind's active fields, in position order, from a record's stored JSON. */
    public Map<String, Object> visible(RecordKind kind, String stored) {
        return reader(kind).apply(stored);
    }

    /** Reads many records' values with one look at the definitions (for lists). */
    public Function<String, Map<String, Object>> reader(RecordKind kind) {
        List<FieldView> defs = active(kind);
        return stored -> {
            if (defs.isEmpty()) {
                return Map.of();
            }
            Map<String, Object> values = read(stored);
            Map<String, Object> shown = new LinkedHashMap<>();
            for (FieldView def : defs) {
                if (values.containsKey(def.key())) {
                    shown.put(def.key(), values.get(def.key()));
                }
            }
            return shown;
        };
    }

    /**
     * The {@code cf.KEY}, {@code cf.KEY.gte} and {@code cf.KEY.lte} parameters among {@code params} as a filter;
     * blank values are left out, so an empty filter form filters nothing.
     */
    public CustomFieldFilter filter(RecordKind kind, Map<String, String> params) {
        List<CustomFieldFilter.Condition> conditions = new ArrayList<>();
        if (params == null) {
            return new CustomFieldFilter(conditions);
        }
        Map<String, FieldView> defs = null;
        for (var entry : params.entrySet()) {
            String param = entry.getKey();
            if (!param.startsWith(CustomFieldFilter.PREFIX)
                    || entry.getValue() == null
                    || entry.getValue().isBlank()) {
                continue;
            }
            if (defs == null) {
                defs = byKey(active(kind));
            }
            String rest = param.substring(CustomFieldFilter.PREFIX.length());
            String op = rest.endsWith(".gte") ? "gte" : rest.endsWith(".lte") ? "lte" : "eq";
            String key = op.equals("eq") ? rest : rest.substring(0, rest.length() - 4);
            FieldView def = defs.get(key);
            if (def == null) {
                throw new InvalidInputException(
                        param,
                        "problem.field.custom-field-unknown",
                        param + ": no such field",
                        String.join(", ", defs.keySet()));
            }
            if (!op.equals("eq") && !def.type().ranged()) {
                throw new InvalidInputException(
                        param, "problem.field.custom-field-no-range", param + ": only numbers, money and dates");
            }
            Object value = convert(def, entry.getValue(), param);
            conditions.addAll(CustomFieldFilter.Condition.of(
                    def,
                    switch (op) {
                        case "gte" -> CustomFieldFilter.Operator.GTE;
                        case "lte" -> CustomFieldFilter.Operator.LTE;
                        default -> CustomFieldFilter.Operator.EQ;
                    },
                    value));
        }
        return new CustomFieldFilter(conditions);
    }

    /**
     * Every active field of the kind with the record's value (null when it has none), for a record page: the text
     * as a form shows it, a person's name for a person field, the date for a date field.
     */
    public List<Shown> shown(RecordKind kind, Map<String, Object> values) {
        Map<Long, String> names = null;
        List<Shown> shown = new ArrayList<>();
        for (FieldView def : active(kind)) {
            Object value = values == null ? null : values.get(def.key());
            String display = text(value);
            LocalDate date = null;
            if (value instanceof Number n && def.type() == FieldType.USER) {
                names = names == null ? people.userNames() : names;
                display = names.getOrDefault(n.longValue(), display);
            }
            if (value != null && def.type() == FieldType.DATE) {
                try {
                    date = LocalDate.parse(value.toString());
                } catch (java.time.format.DateTimeParseException e) {
                    date = null; // what was typed and refused: the form shows it as typed
                }
            }
            shown.add(new Shown(def, value, text(value), display, date));
        }
        return shown;
    }

    /**
     * The values a record page's form sent for the kind's active fields, as {@link #write} takes them: each field's
     * inputs are named {@code cf.KEY}; a multi-select sends one per ticked option after an empty one (so that none
     * ticked clears it). Fields the form did not send are left out, and so stay as they are.
     */
    public Map<String, Object> fromForm(RecordKind kind, Map<String, List<String>> form) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (FieldView def : active(kind)) {
            List<String> sent = form.get(CustomFieldFilter.PREFIX + def.key());
            if (sent == null) {
                continue;
            }
            if (def.type() == FieldType.MULTI_SELECT) {
                List<String> picked =
                        sent.stream().filter(v -> v != null && !v.isBlank()).toList();
                given.put(def.key(), picked.isEmpty() ? null : picked);
            } else {
                given.put(def.key(), sent.isEmpty() ? null : sent.get(0));
            }
        }
        return given;
    }

    /** The import columns a file may map for the kind: {@code cf.KEY} for each active field. */
    public List<String> importFields(RecordKind kind) {
        return active(kind).stream()
                .map(f -> CustomFieldFilter.PREFIX + f.key())
                .toList();
    }

    /** The import pages' names of the kind's {@code cf.KEY} fields: each field's label in the reader's language. */
    public Map<String, String> importLabels(RecordKind kind, Locale locale) {
        Map<String, String> labels = new LinkedHashMap<>();
        active(kind).forEach(f -> labels.put(CustomFieldFilter.PREFIX + f.key(), f.labelIn(locale)));
        return labels;
    }

    /** Headers that name the kind's {@code cf.KEY} fields in a file: each field's English and Persian label. */
    public Map<String, List<String>> importSynonyms(RecordKind kind) {
        Map<String, List<String>> synonyms = new LinkedHashMap<>();
        active(kind)
                .forEach(f -> synonyms.put(
                        CustomFieldFilter.PREFIX + f.key(),
                        f.label().equals(f.labelFa()) ? List.of(f.label()) : List.of(f.label(), f.labelFa())));
        return synonyms;
    }

    /**
     * The custom field values of an import row (import field → text), as {@link #write} takes them: the
     * {@code cf.KEY} fields with a value; a list's options are separated by commas. Empty cells are left out, so a
     * re-import does not clear what the file does not give.
     */
    public Map<String, Object> fromRow(Map<String, String> row) {
        Map<String, Object> given = new LinkedHashMap<>();
        row.forEach((field, value) -> {
            if (field.startsWith(CustomFieldFilter.PREFIX) && value != null && !value.isBlank()) {
                given.put(field.substring(CustomFieldFilter.PREFIX.length()), value);
            }
        });
        return given;
    }

    /** A field on a record page: its value as stored, as a form's input holds it, and as shown. */
    public record Shown(FieldView field, Object value, String input, String display, LocalDate date) {

        public boolean picked(String option) {
            return value instanceof Collection<?> c ? c.contains(option) : option.equals(value);
        }
    }

    /** A value of the field as text for a form or a cell: lists joined by ", ". */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return String.valueOf(value);
    }

    /** The value converted to what is stored, or null for "no value"; a value that does not fit names the field. */
    Object convert(FieldView def, Object raw, String field) {
        if (raw == null || raw instanceof String s && s.isBlank()) {
            return null;
        }
        return switch (def.type()) {
            case TEXT -> text(raw, 500, field);
            case LONG_TEXT -> text(raw, 10_000, field);
            case URL -> url(raw, field);
            case NUMBER -> number(raw, field, 6);
            case MONEY -> number(raw, field, 2);
            case DATE -> date(raw, field);
            case BOOLEAN -> bool(raw, field);
            case SELECT -> option(def, text(raw, 200, field), field);
            case MULTI_SELECT -> options(def, raw, field);
            case USER -> user(raw, field);
        };
    }

    private static String text(Object raw, int max, String field) {
        if (!(raw instanceof String s)) {
            throw new InvalidInputException(field, "problem.field.text", field + ": must be text");
        }
        String t = s.strip();
        if (t.length() > max || t.indexOf('\0') >= 0) {
            throw new InvalidInputException(
                    field, "problem.field.custom-field-too-long", field + ": at most " + max + " characters", max);
        }
        return t;
    }

    private static String url(Object raw, String field) {
        String t = text(raw, 2000, field);
        try {
            URI uri = new URI(t);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return t;
            }
        } catch (java.net.URISyntaxException e) {
            // answered below
        }
        throw new InvalidInputException(
                field, "problem.field.custom-field-url", field + ": must be an http(s) address");
    }

    private static BigDecimal number(Object raw, String field, int scale) {
        BigDecimal n;
        try {
            // Persian digits and grouping (۱٬۲۰۰٫۵) read as the number they are
            n = raw instanceof Number
                    ? new BigDecimal(raw.toString())
                    : org.pipelinecrm.shared.Digits.number(((String) raw).strip());
            if (n == null) {
                throw new NumberFormatException("blank");
            }
        } catch (NumberFormatException | ClassCastException e) {
            throw new InvalidInputException(field, "problem.field.number", field + ": must be a number");
        }
        if (n.precision() - n.scale() > 15) {
            throw new InvalidInputException(field, "problem.field.number-out-of-range", field + ": too large");
        }
        if (n.scale() > scale) {
            throw new InvalidInputException(
                    field,
                    "problem.field.custom-field-decimals",
                    field + ": at most " + scale + " decimal places",
                    scale);
        }
        return n.scale() < 0 ? n.setScale(0) : n;
    }

    private static String date(Object raw, String field) {
        try {
            LocalDate d = LocalDate.parse(((String) raw).strip());
            if (d.getYear() < 1 || d.getYear() > 9999) {
                throw new InvalidInputException(field, "problem.field.date-out-of-range", field + ": years 1 to 9999");
            }
            return d.toString();
        } catch (java.time.format.DateTimeParseException | ClassCastException e) {
            throw new InvalidInputException(field, "problem.field.date", field + ": must be a date such as 2026-04-01");
        }
    }

    private static Boolean bool(Object raw, String field) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof String s) {
            String t = s.strip().toLowerCase(Locale.ROOT);
            if (t.equals("true") || t.equals("yes") || t.equals("on")) {
                return true;
            }
            if (t.equals("false") || t.equals("no") || t.equals("off")) {
                return false;
            }
        }
        throw new InvalidInputException(field, "problem.field.true-or-false", field + ": must be true or false");
    }

    private static String option(FieldView def, String value, String field) {
        return def.options().stream()
                .filter(o -> o.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException(
                        field,
                        "problem.field.one-of",
                        field + ": one of " + def.options(),
                        String.join(", ", def.options())));
    }

    /** A list of options (or, from a form or a file, one text of them separated by commas), in the options' order. */
    private static List<String> options(FieldView def, Object raw, String field) {
        List<?> given;
        if (raw instanceof List<?> l) {
            given = l;
        } else if (raw instanceof String s) {
            given = List.of(s.split(","));
        } else {
            throw new InvalidInputException(field, "problem.field.custom-field-list", field + ": must be a list");
        }
        LinkedHashSet<String> picked = new LinkedHashSet<>();
        for (Object o : given) {
            if (o instanceof String s && s.isBlank()) {
                continue;
            }
            picked.add(option(def, text(o, 200, field), field));
        }
        if (picked.isEmpty()) {
            return null;
        }
        return def.options().stream().filter(picked::contains).toList();
    }

    private Long user(Object raw, String field) {
        long id;
        try {
            id = raw instanceof Number n
                    ? new BigDecimal(n.toString()).longValueExact()
                    : Long.parseLong(((String) raw).strip());
        } catch (ArithmeticException | NumberFormatException | ClassCastException e) {
            throw new InvalidInputException(
                    field, "problem.field.custom-field-user", field + ": must be a person's id");
        }
        if (people.findUser(id).isEmpty()) {
            throw new InvalidInputException(
                    field, "problem.field.custom-field-user", field + ": must be a person's id");
        }
        return id;
    }

    private static InvalidInputException required(FieldView def) {
        return new InvalidInputException(name(def.key()), "problem.field.required", name(def.key()) + ": required");
    }

    private static String name(String key) {
        return "customFields." + key;
    }

    private static Map<String, FieldView> byKey(List<FieldView> defs) {
        Map<String, FieldView> map = new LinkedHashMap<>();
        defs.forEach(d -> map.put(d.key(), d));
        return map;
    }

    static Map<String, Object> read(String stored) {
        if (stored == null || stored.isBlank()) {
            return new LinkedHashMap<>();
        }
        try {
            return JSON.readValue(stored, MAP);
        } catch (JacksonException e) {
            throw new IllegalStateException("Stored custom fields are not a JSON object", e);
        }
    }

    private static String labelFa(String labelFa, String label) {
        return labelFa == null || labelFa.isBlank() ? label.trim() : labelFa.trim();
    }

    private static List<String> options(FieldType type, List<String> given) {
        if (!type.hasOptions()) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String o : given == null ? List.<String>of() : given) {
            String t = o == null ? "" : o.strip();
            if (t.isEmpty()) {
                continue;
            }
            if (t.length() > 80 || t.contains(",") || t.indexOf('\0') >= 0) {
                throw new InvalidInputException(
                        "options", "problem.field.custom-field-option", "options: at most 80 characters, no commas");
            }
            if (options.stream().noneMatch(t::equalsIgnoreCase)) {
                options.add(t);
            }
        }
        if (options.isEmpty()) {
            throw new InvalidInputException(
                    "options", "problem.field.custom-field-options", "options: give at least one");
        }
        if (options.size() > MAX_OPTIONS) {
            throw new InvalidInputException(
                    "options", "problem.field.too-many", "options: at most " + MAX_OPTIONS, MAX_OPTIONS);
        }
        return options;
    }

    private CustomField load(long id) {
        return fields.findById(id).orElseThrow(() -> new NotFoundException("Field", id));
    }

    public record DefineCmd(
            @NotNull RecordKind recordKind,

            @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]{0,39}")
            String key,

            @NotBlank @Size(max = 80) String label,
            @Size(max = 80) String labelFa,
            @NotNull FieldType type,
            @Size(max = MAX_OPTIONS) List<String> options,
            Boolean required,
            @Min(0) @Max(10_000) Integer position) {}

    /** A partial change: what is left out stays as it is. */
    public record ChangeCmd(
            @Size(min = 1, max = 80) String label,
            @Size(max = 80) String labelFa,
            @Size(max = MAX_OPTIONS) List<String> options,
            Boolean required,
            @Min(0) @Max(10_000) Integer position,
            Boolean active,
            @NotNull Long version) {}
}
