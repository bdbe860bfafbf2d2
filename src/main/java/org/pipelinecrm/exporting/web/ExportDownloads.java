package org.pipelinecrm.exporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.pipelinecrm.exporting.ExportFilter;
import org.pipelinecrm.exporting.ExportFormat;
import org.pipelinecrm.exporting.Exports;
import org.pipelinecrm.exporting.RecordKind;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends an export as a download, for the API and the pages alike. The file is written straight to the response on
 * the request's own thread: the signed-in person, their workspace and one read-only transaction stay with it for as
 * long as it takes, with no asynchronous time limit cutting off a large file. Everything that can be refused is
 * checked before the first byte.
 */
@Component
class ExportDownloads {

    private final Exports exports;
    private final Workspaces workspaces;

    ExportDownloads(Exports exports, Workspaces workspaces) {
        this.exports = exports;
        this.workspaces = workspaces;
    }

    void list(String entity, String format, ExportFilter filter, HttpServletResponse response) throws IOException {
        RecordKind kind = RecordKind.fromPath(entity).orElseThrow(() -> new NotFoundException("Export", entity));
        ExportFormat as = format == null || format.isBlank()
                ? ExportFormat.CSV
                : ExportFormat.of(format)
                        .orElseThrow(() -> new InvalidInputException(
                                "format", "problem.field.one-of", "format is one of csv, xlsx", "csv, xlsx"));
        exports.check(kind, filter);
        start(response, as.contentType(), kind.path() + "-" + today() + "." + as.extension());
        exports.write(kind, filter, as, LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    void workspace(HttpServletResponse response) throws IOException {
        exports.checkWorkspace();
        start(response, "application/zip", "workspace-" + today() + ".zip");
        exports.writeWorkspace(LocaleContextHolder.getLocale(), response.getOutputStream());
    }

    private LocalDate today() {
        return LocalDate.now(workspaces.current().timeZone());
    }

    private static void start(HttpServletResponse response, String contentType, String file) {
        response.setContentType(contentType);
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(file).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
