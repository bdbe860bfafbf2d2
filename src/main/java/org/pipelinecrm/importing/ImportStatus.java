package org.pipelinecrm.importing;

import java.util.List;
import java.util.Map;

/** An import as the API shows it: the rows refused ({@code errors}) and the rows written with a remark ({@code notes}). */
public record ImportStatus(
        long id,
        String entity,
        String status,
        int total,
        int processed,
        int imported,
        int updated,
        int skipped,
        List<RowError> errors,
        List<RowError> notes,
        Undo undo) {

    /**
     * Whether and how far the import was undone: {@code status} null (not asked), QUEUED, RUNNING or DONE; the
     * records undone; those changed by someone since the import and left alone; until when it may be asked.
     */
    public record Undo(String status, int undone, List<Long> leftAlone, java.time.Instant possibleUntil) {}

    /**
     * A row not written: why in English ({@code message}), as a code with its values when it has one, and the
     * file's column the reason is about when it is about one.
     */
    public record RowError(long row, String message, String code, List<String> args, String column) {

        public RowError(long row, String message) {
            this(row, message, null, null, null);
        }

        public RowError(long row, String message, String code, List<String> args) {
            this(row, message, code, args, null);
        }

        /** This error naming the file's column of the field it is about, when the mapping took one. */
        RowError in(Map<String, String> columns) {
            if (code == null || column != null) {
                return this;
            }
            String field = RowProblem.fieldOf(code, args);
            String mapped = field == null ? null : columns.get(field);
            return mapped == null || mapped.startsWith(ImportRunner.CONSTANT)
                    ? this
                    : new RowError(row, message, code, args, mapped);
        }

        public static RowError of(long row, RuntimeException problem) {
            return problem instanceof RowProblem p
                    ? new RowError(row, p.getMessage(), p.code(), p.args())
                    : new RowError(row, problem.getMessage());
        }
    }
}
