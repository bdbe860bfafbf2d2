package org.pipelinecrm.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pipelinecrm.shared.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The API's answers for "who are you?" (401), "too many tries" (429) and "not allowed" (403), as problem JSON in
 * the one shape of {@link Problems}, UTF-8, in the reader's language.
 */
final class ProblemResponses {

    private ProblemResponses() {}

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (e instanceof TooManyAttemptsException) {
                write(request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts");
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Pipeline CRM\", Bearer");
                write(request, response, HttpStatus.UNAUTHORIZED, "sign-in-required");
            }
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden");
    }

    // Security's handlers are built before the context hands out beans to them; the factory is looked up per answer.
    private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code)
            throws IOException {
        Problems problems =
                RequestContextUtils.findWebApplicationContext(request).getBean(Problems.class);
        problems.write(response, problems.problem(status, code));
    }
}
