package org.pipelinecrm.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Errors of pages: a page in the reader's language, never a stack trace. */
@ControllerAdvice(annotations = Controller.class)
class PageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response) {
        response.setStatus(404);
        return "error/404";
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String staleVersion(HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("messageKey", "error.409.stale");
        return "error/409";
    }

    @ExceptionHandler(ConflictException.class)
    String conflict(ConflictException e, HttpServletResponse response, Model model) {
        response.setStatus(409);
        model.addAttribute("messageKey", e.getMessageKey());
        model.addAttribute("messageArgs", e.getArguments());
        return "error/409";
    }
}
