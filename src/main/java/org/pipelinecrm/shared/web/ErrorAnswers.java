package org.pipelinecrm.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors no controller answered — an unknown path, a method or content type no endpoint takes, a file too large,
 * a request the firewall refused, a failure in a filter: a problem for {@code /api/**}, an error page otherwise,
 * both with the same code and message.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers implements ErrorController {

    private final Problems problems;

    ErrorAnswers(Problems problems) {
        this.problems = problems;
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 500;
        if (status < 400) {
            status = 500;
        }
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String code = Problems.codeFor(status);
        ProblemDetail problem = problems.problem(HttpStatus.valueOf(status), code);
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            problem.setInstance(URI.create(uri.replaceAll("[^\\x21-\\x7e]", "")));
            problems.write(response, problem);
            return null;
        }
        response.setStatus(status);
        return PageErrors.page(status, code, problem.getDetail());
    }
}
