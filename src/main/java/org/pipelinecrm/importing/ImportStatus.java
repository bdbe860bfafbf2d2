package org.pipelinecrm.importing;

import java.util.List;

/** An import as the API shows it. */
public record ImportStatus(long id, String entity, String status, int total, int processed, int imported,
        int updated, int skipped, List<RowError> errors) {

    public record RowError(long row, String message) {
    }
}
