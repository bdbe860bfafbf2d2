package org.pipelinecrm.importing;

import java.util.ArrayList;
import java.util.List;
import org.pipelinecrm.importing.ImportStatus.RowError;

/**
 * How far an import got: rows done and what became of them, the rows refused ({@code errors}) and the rows
 * written with a remark ({@code notes}). What is stored is where a resumed run goes on.
 */
record ImportTally(int processed, int imported, int updated, int skipped, List<RowError> errors, List<RowError> notes) {

    static final ImportTally NONE = new ImportTally(0, 0, 0, 0, List.of(), List.of());

    ImportTally plus(ChunkedImportTarget.ChunkResult chunk, int rows) {
        List<RowError> all = new ArrayList<>(errors);
        all.addAll(chunk.errors());
        return new ImportTally(
                processed + rows,
                imported + chunk.imported(),
                updated + chunk.updated(),
                skipped + chunk.errors().size(),
                all,
                notes);
    }

    ImportTally plusRow(boolean wasUpdate, List<RowError> rowNotes) {
        List<RowError> all = notes;
        if (!rowNotes.isEmpty()) {
            all = new ArrayList<>(notes);
            all.addAll(rowNotes);
        }
        return new ImportTally(
                processed + 1, imported + (wasUpdate ? 0 : 1), updated + (wasUpdate ? 1 : 0), skipped, errors, all);
    }

    ImportTally plusError(RowError error) {
        List<RowError> all = new ArrayList<>(errors);
        all.add(error);
        return new ImportTally(processed + 1, imported, updated, skipped + 1, all, notes);
    }

    ImportTally withError(RowError error) {
        List<RowError> all = new ArrayList<>(errors);
        all.add(error);
        return new ImportTally(processed, imported, updated, skipped, all, notes);
    }
}
