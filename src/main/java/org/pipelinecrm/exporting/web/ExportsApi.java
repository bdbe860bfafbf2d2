package org.pipelinecrm.exporting.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.pipelinecrm.exporting.ExportFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists as CSV or XLSX files, and the whole workspace zipped, in the public API. */
@RestController
@RequestMapping("/api/v1/exports")
class ExportsApi {

    private final ExportDownloads downloads;

    ExportsApi(ExportDownloads downloads) {
        this.downloads = downloads;
    }

    /** The workspace's every record kind, one CSV each, in one zip; admins only. */
    @GetMapping("/workspace")
    void workspace(HttpServletResponse response) throws IOException {
        downloads.workspace(response);
    }

    /** One list, with the filter parameters of the entity's list endpoint. */
    @GetMapping("/{entity}")
    void list(
            @PathVariable String entity,
            @RequestParam(required = false) String format,
            ExportFilter filter,
            HttpServletResponse response)
            throws IOException {
        downloads.list(entity, format, filter, response);
    }
}
