package org.pipelinecrm.identity.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** The API's answers for "who are you?" (401), "too many tries" (429) and "not allowed" (403), as problem JSON. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static AuthenticationEntryPoint unauthorized() {
        return (request, response, e) -> {
            if (e instanceof TooManyAttemptsException) {
                write(response, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
            } else {
                response.setHeader("WWW-Authenticate", "Basic realm=\"Pipeline CRM\", Bearer");
                write(response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic or an API token");
            }
        };
    }

    static AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, HttpStatus.FORBIDDEN, "Your role does not allow this");
    }

    private static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"status\":" + status.value() + ",\"title\":\""
                + status.getReasonPhrase() + "\",\"detail\":\"" + detail.replace("\"", "'") + "\"}");
    }
}
