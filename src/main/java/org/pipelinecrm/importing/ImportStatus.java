package org.pipelinecrm.importing;

import java.util.List;

/** An import as the API shows it. */
public record ImportStatus(
        long id,
        String entity,
        String status,
        int total,
        int processed,
        int imported,
        int updated,
        int skipped,
        List<RowError> errors) {

    /** A row not written: why in English ({@code message}), and as a code with its values when it has one. */
    public record RowError(long row, String message, String code, List<String> args) {

        public RowError(long row, String message) {
            this(row, message, null, null);
        }

        public static RowError of(long row, RuntimeException problem) {
            return problem instanceof RowProblem p
                    ? new RowError(row, p.getMessage(), p.code(), p.args())
                    : new RowError(row, problem.getMessage());
        }
    }
}
