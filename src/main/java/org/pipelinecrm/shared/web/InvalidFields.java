package org.pipelinecrm.shared.web;

import jakarta.validation.ConstraintViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns what the framework knows about a bad field (bean validation, a JSON value of the wrong form, a parameter
 * of the wrong type) into {@link Problems.FieldProblem}s: the field's name and what is wrong, in words, never the
 * name of a Java type.
 */
@Component
class InvalidFields {

    private static final String FIELD_KEYS = "problem.field.";

    private final Problems problems;
    private final MessageSource messages;

    InvalidFields(Problems problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    ProblemDetail problem(InvalidInputException e) {
        String key = e.getMessageKey();
        String message = problems.textOr(key, e.getMessage(), e.getArguments());
        String code = key.startsWith(FIELD_KEYS) ? key.substring(FIELD_KEYS.length()) : key;
        if (e.getField() == null) {
            return problems.problem(HttpStatus.BAD_REQUEST, code, message);
        }
        return problems.invalid(List.of(new Problems.FieldProblem(e.getField(), code, message)));
    }

    List<Problems.FieldProblem> of(BindException e) {
        Locale locale = problems.locale();
        return e.getAllErrors().stream()
                .map(error -> {
                    String field = error instanceof FieldError f ? f.getField() : error.getObjectName();
                    return error.contains(TypeMismatchException.class)
                            ? mismatch(
                                    field,
                                    error.unwrap(TypeMismatchException.class).getRequiredType())
                            : new Problems.FieldProblem(field, code(error), messages.getMessage(error, locale));
                })
                .toList();
    }

    List<Problems.FieldProblem> of(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .map(v -> new Problems.FieldProblem(
                        lastNode(v.getPropertyPath().toString()),
                        kebab(v.getConstraintDescriptor()
                                .getAnnotation()
                                .annotationType()
                                .getSimpleName()),
                        v.getMessage()))
                .toList();
    }

    List<Problems.FieldProblem> of(HandlerMethodValidationException e) {
        Locale locale = problems.locale();
        return e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new Problems.FieldProblem(
                                result.getMethodParameter().getParameterName(),
                                error.getCodes() == null ? "invalid-value" : kebab(last(error.getCodes())),
                                messages.getMessage(error, locale))))
                .toList();
    }

    /** Unreadable JSON: the field and what it should be when Jackson knows it, else the body as a whole. */
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = path(databind);
            if (cause instanceof JsonInputRules.RefusedValue refused) {
                return problems.invalid(List.of(problems.field(field, refused.code())));
            }
            Class<?> target = cause instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
            return problems.invalid(List.of(mismatch(field, target)));
        }
        return problems.problem(HttpStatus.BAD_REQUEST, "unreadable-body");
    }

    /** A value that is not of the field's kind: say which kind, with the allowed values of a list. */
    Problems.FieldProblem mismatch(String field, Class<?> type) {
        if (type == null) {
            return problems.field(field, "invalid-value");
        }
        if (type.isEnum()) {
            String allowed = Arrays.stream(type.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining(", "));
            return problems.field(field, "one-of", allowed);
        }
        if (type == Boolean.class || type == boolean.class) {
            return problems.field(field, "true-or-false");
        }
        if (type == Integer.class
                || type == int.class
                || type == Long.class
                || type == long.class
                || type == Short.class
                || type == short.class) {
            return problems.field(field, "whole-number");
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return problems.field(field, "number");
        }
        if (type == LocalDate.class) {
            return problems.field(field, "date");
        }
        if (type == Instant.class || Temporal.class.isAssignableFrom(type)) {
            return problems.field(field, "moment");
        }
        if (type == String.class) {
            return problems.field(field, "text");
        }
        return problems.field(field, "invalid-value");
    }

    private static String path(DatabindException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String code(ObjectError error) {
        return error.getCode() == null ? "invalid-value" : kebab(error.getCode());
    }

    private static String last(String[] codes) {
        return codes[codes.length - 1];
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    /** {@code NotBlank} → {@code not-blank}. */
    static String kebab(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
