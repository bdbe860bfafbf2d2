package org.pipelinecrm.exporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pipelinecrm.exporting.ExportFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The lists' Export buttons: the same files as the API, for the signed-in page session. */
@Controller
class ExportPages {

    private final ExportDownloads downloads;

    ExportPages(ExportDownloads downloads) {
        this.downloads = downloads;
    }

    @GetMapping("/exports/workspace")
    void workspace(HttpServletResponse response) throws IOException {
        downloads.workspace(response);
    }

    @GetMapping("/exports/{entity}")
    void list(
            @PathVariable String entity,
            @RequestParam(required = false) String format,
            ExportFilter filter,
            HttpServletResponse response)
            throws IOException {
        downloads.list(entity, format, filter, response);
    }
}
