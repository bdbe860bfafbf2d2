package org.pipelinecrm.shared.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's answer to what it refuses before the application sees it (a request line or headers too long, a
 * malformed request): the problem JSON of {@link Problems} instead of Tomcat's HTML page. Nothing about the request
 * is trusted here, so the answer says only what the status means.
 */
public class ProblemReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        String code =
                tooLarge(throwable) || tooLarge(response.getCoyoteResponse().getErrorException())
                        ? "request-too-large"
                        : Problems.codeFor(status);
        String body = "{\"type\":\"" + Problems.TYPE_BASE + code + "\",\"title\":\"" + title(status)
                + "\",\"status\":" + status + ",\"detail\":\""
                + detail(code, locale(request)).replace("\"", "'")
                + "\",\"code\":\"" + code + "\"}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write(body);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response was taken meanwhile: nothing more to say
        }
    }

    /** Tomcat refuses a request line or headers past its buffer with this exception. */
    private static boolean tooLarge(Throwable error) {
        return error != null && String.valueOf(error.getMessage()).contains("header is too large");
    }

    private static Locale locale(Request request) {
        try {
            return request.getLocale();
        } catch (RuntimeException e) {
            return Locale.ENGLISH;
        }
    }

    private static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known == null ? "Error" : known.getReasonPhrase();
    }

    private static String detail(String code, Locale locale) {
        try {
            return ResourceBundle.getBundle(
                            "i18n/shared",
                            "fa".equals(locale.getLanguage()) ? locale : Locale.ROOT,
                            ProblemReportValve.class.getClassLoader())
                    .getString("problem." + code);
        } catch (MissingResourceException e) {
            return code;
        }
    }
}
