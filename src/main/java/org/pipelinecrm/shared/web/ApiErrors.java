package org.pipelinecrm.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.TooManyRequestsException;
import org.pipelinecrm.shared.database.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Errors of {@code /api/**} controllers as {@code application/problem+json} in the shape {@link Problems} builds.
 * Errors before a controller is chosen (unknown path, 405, 415, 413) are answered by {@link ErrorAnswers}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    private final Problems problems;
    private final InvalidFields fields;

    ApiErrors(Problems problems, InvalidFields fields) {
        this.problems = problems;
        this.fields = fields;
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e) {
        return problems.answer(problems.problem(HttpStatus.NOT_FOUND, "not-found"));
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e) {
        ProblemDetail problem = problems.problem(
                HttpStatus.CONFLICT,
                e.getMessageKey(),
                problems.textOr(e.getMessageKey(), e.getMessage(), e.getArguments()));
        e.problemProperties().forEach(problem::setProperty);
        return problems.answer(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> staleVersion(OptimisticLockingFailureException e) {
        return problems.answer(problems.problem(HttpStatus.CONFLICT, "stale"));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException e) {
        return problems.answer(problems.problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests"));
    }

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidInputException e) {
        return problems.answer(fields.problem(e));
    }

    @ExceptionHandler(BindException.class)
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        return problems.answer(problems.invalid(fields.of(e)));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> invalid(ConstraintViolationException e) {
        return problems.answer(problems.invalid(fields.of(e)));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalid(HandlerMethodValidationException e) {
        return problems.answer(problems.invalid(fields.of(e)));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        return problems.answer(fields.unreadable(e));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        return problems.answer(problems.invalid(List.of(fields.mismatch(e.getName(), e.getRequiredType()))));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestParameterException e) {
        return problems.answer(problems.invalid(List.of(problems.field(e.getParameterName(), "required"))));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missing(MissingServletRequestPartException e) {
        return problems.answer(problems.invalid(List.of(problems.field(e.getRequestPartName(), "required"))));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
        return problems.answer(problems.problem(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large"));
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> badMultipart(MultipartException e) {
        return problems.answer(problems.problem(HttpStatus.BAD_REQUEST, "bad-multipart"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problems.answer(problems.problem(HttpStatus.FORBIDDEN, "forbidden"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthorized(AuthenticationException e) {
        return problems.answer(problems.problem(HttpStatus.UNAUTHORIZED, "sign-in-required"));
    }

    /**
     * The framework's own 4xx (405, 415, 406, a missing path variable, a status exception) answer their status,
     * worded by its code; anything else is a bug, logged with its stack trace and answered without it.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse framework && framework.getStatusCode().value() < 500) {
            int status = framework.getStatusCode().value();
            return ResponseEntity.status(status)
                    .headers(framework.getHeaders())
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(framework.getStatusCode(), Problems.codeFor(status)));
        }
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("{} {} answered 503, the database is unavailable", request.getMethod(), request.getRequestURI());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(
                            org.springframework.http.HttpHeaders.RETRY_AFTER,
                            Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.CODE));
        }
        log.error("Request {} {} failed", request.getMethod(), request.getRequestURI(), e);
        return problems.answer(problems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error"));
    }
}
