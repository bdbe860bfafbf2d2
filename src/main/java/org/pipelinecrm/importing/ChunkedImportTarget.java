package org.pipelinecrm.importing;

import java.util.List;
import java.util.Map;
import org.pipelinecrm.importing.ImportStatus.RowError;

/**
 * An {@link ImportTarget} that can also write many rows in one transaction, for large files. The runner
 * hands it chunks of rows; when a chunk throws, the chunk rolls back whole and its rows are written one by
 * one through {@link #importRow}, so a bad row still never stops the good ones.
 */
public interface ChunkedImportTarget extends ImportTarget {

    /** A CSV row: its number in the file (the header is row 1) and its values by CRM field. */
    record Row(long number, Map<String, String> values) {}

    /** What a chunk wrote; the rows in {@code errors} wrote nothing. */
    record ChunkResult(int imported, int updated, List<RowError> errors) {}

    /** Writes the rows in the caller's transaction; refuses bad rows with a readable reason instead of throwing. */
    ChunkResult importRows(List<Row> rows);

    /** {@link #importRows(List)} with what the importer chose for the whole file. */
    default ChunkResult importRows(List<Row> rows, ImportOptions options) {
        return importRows(rows);
    }
}
