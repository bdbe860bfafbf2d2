package org.pipelinecrm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one shape of every error answer: {@code {type, title, status, detail, code, instance?, errors?}}, with
 * {@code type} = {@value #TYPE_BASE}{@code <code>}, {@code code} stable, and {@code detail} in the reader's language
 * (texts {@code problem.<code>} and {@code problem.field.<code>} in {@code i18n/shared*.properties}).
 */
@Component
public class Problems {

    public static final String TYPE_BASE = "https://pipelinecrm.org/problems/";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final LocaleResolver locales;

    Problems(MessageSource messages, LocaleResolver locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** One field that is wrong: its name, a stable code, and what is wrong in the reader's language. */
    public record FieldProblem(String field, String code, String message) {}

    /** A problem whose detail is already worded for the reader (e.g. who moved a deal and when). */
    public ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    /** A problem worded by the text {@code problem.<code>}. */
    public ProblemDetail problem(HttpStatusCode status, String code) {
        return problem(status, code, text("problem." + code));
    }

    /** 400 {@code validation-failed}; with one field its message is the detail. */
    public ProblemDetail invalid(List<FieldProblem> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "validation-failed",
                errors.size() == 1 ? errors.get(0).message() : text("problem.validation-failed"));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** A field problem worded by the text {@code problem.field.<code>}. */
    public FieldProblem field(String field, String code, Object... arguments) {
        return new FieldProblem(field, code, text("problem.field." + code, arguments));
    }

    public ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** Writes the problem where no message converter runs (security filters, the error page), in UTF-8. */
    public void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(JSON.writeValueAsString(fields(problem)));
    }

    /** The problem's members in their documented order, as JSON writes them. */
    public static Map<String, Object> fields(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }

    /** A text in the reader's language; the key itself when there is none. */
    public String text(String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale());
    }

    /** A text in the reader's language, {@code fallback} when there is none. */
    public String textOr(String key, String fallback, Object... arguments) {
        return messages.getMessage(key, arguments, fallback, locale());
    }

    /** The reader's language: their choice (cookie), else the request's {@code Accept-Language}, else English. */
    public Locale locale() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return locales.resolveLocale(request);
        }
        return LocaleContextHolder.getLocale();
    }

    /** The stable code of an HTTP status, for errors that carry nothing more specific. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "sign-in-required";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 414, 431 -> "request-too-large";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-requests";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }
}
