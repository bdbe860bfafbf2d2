package org.pipelinecrm.shared.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindException;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * The server half of editing one field where a record is shown ({@code static/js/inline-edit.js}): every module's
 * field endpoint answers through here, so the page's script meets one shape. A saved field answers
 * {@code {field, value, display, version}}; a wrong value the API's 400 problem with the field; a stale version a
 * 409 problem whose {@code detail} names who changed the record last and when, in the reader's language.
 */
@Component
public class FieldEdits {

    /** A field as saved: its raw value (for the input), its text as the page shows it, the record's new version. */
    public record Saved(String field, String value, String display, long version) {}

    /** Who changed a record last, and when. */
    public record Changer(String name, Instant at) {}

    private final Problems problems;
    private final Formats formats;
    private final SpringValidatorAdapter validator;

    FieldEdits(Problems problems, Formats formats, jakarta.validation.Validator validator) {
        this.problems = problems;
        this.formats = formats;
        this.validator = new SpringValidatorAdapter(validator);
    }

    public ResponseEntity<Map<String, Object>> answer(
            Supplier<Saved> save, Supplier<Optional<Changer>> lastChange, ZoneId zone) {
        try {
            Saved saved = save.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("field", saved.field());
            body.put("value", saved.value() == null ? "" : saved.value());
            body.put("display", saved.display() == null ? "" : saved.display());
            body.put("version", saved.version());
            return ResponseEntity.ok(body);
        } catch (OptimisticLockingFailureException e) {
            String detail = lastChange
                    .get()
                    .map(c -> problems.text("edit.changedBy", c.name(), formats.dateTime(c.at(), zone)))
                    .orElse(problems.text("problem.stale"));
            return ResponseEntity.status(HttpStatus.CONFLICT)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.fields(problems.problem(HttpStatus.CONFLICT, "stale", detail)));
        }
    }

    /** Checks the record's details as its forms do: a wrong field answers 400 naming it, in the reader's language. */
    public void validate(Object details, String name) throws BindException {
        BeanPropertyBindingResult errors = new BeanPropertyBindingResult(details, name);
        validator.validate(details, errors);
        if (errors.hasErrors()) {
            throw new BindException(errors);
        }
    }

    /** A typed whole number; empty is null. */
    public static Integer integer(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(Digits.latin(value.trim()));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "problem.field.whole-number", "A whole number");
        }
    }

    /** A typed amount; empty is null. */
    public static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        BigDecimal number;
        try {
            number = new BigDecimal(Digits.latin(value.trim()).replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "problem.field.number", "A number");
        }
        // what a money column holds: 16 digits before the point, cents after it
        if (number.precision() - number.scale() > 16 || number.scale() > 2) {
            throw new InvalidInputException(field, "problem.field.number-out-of-range", "Too large");
        }
        return number;
    }

    /** A typed day (yyyy-MM-dd, as a date input sends it); empty is null. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(Digits.latin(value.trim()));
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "problem.field.date", "A date");
        }
        if (day.getYear() < 1 || day.getYear() > 9999) {
            throw new InvalidInputException(field, "problem.field.date-out-of-range", "Years 1 to 9999");
        }
        return day;
    }

    /** Persian and Arabic-Indic digits typed on a Persian keyboard read as the digits they are. */
    static final class Digits {

        private Digits() {}

        static String latin(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (char c : text.toCharArray()) {
                if (c >= '\u06F0' && c <= '\u06F9') {
                    out.append((char) ('0' + c - '\u06F0'));
                } else if (c >= '\u0660' && c <= '\u0669') {
                    out.append((char) ('0' + c - '\u0660'));
                } else if (c == '\u066C' || c == '\u060C') {
                    out.append(',');
                } else if (c == '\u066B') {
                    out.append('.');
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }
    }
}
