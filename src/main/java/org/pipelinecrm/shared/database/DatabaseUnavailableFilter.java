package org.pipelinecrm.shared.database;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Locale;
import org.pipelinecrm.shared.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * While the database is away every request that needs it answers 503 with {@code Retry-After}: the API a
 * problem body with code {@code database-unavailable}, pages the "try again shortly" error page. It sits
 * before security and sessions, so a sign-in or a session lookup that cannot reach the database lands here
 * too instead of reading as a wrong password or a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class DatabaseUnavailableFilter extends OncePerRequestFilter {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DatabaseUnavailableFilter.class);

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Problems problems;
    private final ObjectProvider<ITemplateEngine> templates;

    DatabaseUnavailableFilter(
            MessageSource messages,
            Problems problems,
            LocaleResolver locales,
            ObjectProvider<ITemplateEngine> templates) {
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
        this.templates = templates;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e) || response.isCommitted()) {
                throw e;
            }
            LOG.warn(
                    "{} {} answered 503, the database is unavailable: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    rootMessage(e));
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setHeader(HttpHeaders.RETRY_AFTER, Integer.toString(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        if (!wantsPage(request)) {
            ProblemDetail problem = problems.problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    DatabaseUnavailable.CODE,
                    messages.getMessage("problem." + DatabaseUnavailable.CODE, null, locale(request)));
            problem.setInstance(URI.create(request.getRequestURI()));
            problems.write(response, problem);
        } else {
            // rendered here, not through the error dispatch: that would pass the session and security filters
            // again, which need the database; templates/error/503.html needs nothing of it
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setContentType(MediaType.TEXT_HTML_VALUE);
            response.setCharacterEncoding("UTF-8");
            templates.getObject().process("error/503", new Context(locale(request)), response.getWriter());
        }
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    /** Pages (not the API, not htmx fragments' JSON) get the error page. */
    private static boolean wantsPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator/")) {
            return false;
        }
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        return accept == null || accept.contains("text/html") || accept.contains("*/*");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }
}
