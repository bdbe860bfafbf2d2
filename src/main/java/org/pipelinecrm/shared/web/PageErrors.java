package org.pipelinecrm.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.HiddenRecordException;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of pages: a page in the reader's language, never a stack trace, with the same {@code code} and message
 * as the API's problem for the same error.
 */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    /** Statuses with a page of their own; the others share {@code error/problem}. */
    private static final Set<Integer> OWN_PAGES = Set.of(403, 404, 409, 500, 503);

    private final Problems problems;
    private final InvalidFields fields;

    PageErrors(Problems problems, InvalidFields fields) {
        this.problems = problems;
        this.fields = fields;
    }

    @ExceptionHandler(NotFoundException.class)
    ModelAndView notFound(HttpServletResponse response) {
        return page(response, problems.problem(HttpStatus.NOT_FOUND, "not-found"));
    }

    /** A record of this workspace the reader may not see: still a 404, but the page says why and who can. */
    @ExceptionHandler(HiddenRecordException.class)
    ModelAndView hidden(HiddenRecordException e, HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        ModelAndView page = page(404, "hidden", problems.textOr(e.getMessageKey(), e.getMessage(), e.getArguments()));
        page.addObject("hidden", true);
        page.addObject("hiddenLink", e.getLink());
        return page;
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView staleVersion(HttpServletResponse response) {
        return page(response, problems.problem(HttpStatus.CONFLICT, "stale"));
    }

    @ExceptionHandler(ConflictException.class)
    ModelAndView conflict(ConflictException e, HttpServletResponse response) {
        return page(
                response,
                problems.problem(
                        HttpStatus.CONFLICT,
                        e.getMessageKey(),
                        problems.textOr(e.getMessageKey(), e.getMessage(), e.getArguments())));
    }

    @ExceptionHandler(InvalidInputException.class)
    ModelAndView invalid(InvalidInputException e, HttpServletResponse response) {
        return page(response, fields.problem(e));
    }

    private static ModelAndView page(HttpServletResponse response, ProblemDetail problem) {
        response.setStatus(problem.getStatus());
        return page(problem.getStatus(), (String) problem.getProperties().get("code"), problem.getDetail());
    }

    /** The error page of a status, with the problem's code and message. */
    static ModelAndView page(int status, String code, String message) {
        ModelAndView page = new ModelAndView(OWN_PAGES.contains(status) ? "error/" + status : "error/problem");
        page.setStatus(HttpStatus.valueOf(status));
        page.addObject("status", status);
        page.addObject("code", code);
        page.addObject("message", message);
        return page;
    }
}
