package org.pipelinecrm.importing;

import java.util.List;

/** An import target whose imports can be undone from what {@link ImportLedger} noted. */
public interface UndoableImportTarget extends ImportTarget {

    /** What undoing a chunk did: records undone, and those changed since the import, left alone. */
    record UndoResult(int undone, List<Long> leftAlone) {}

    /**
     * Deletes the records the import created and puts back the values of those it updated, in the caller's
     * transaction; a record whose version is no longer the one the import left is left alone and returned.
     */
    UndoResult undo(List<ImportLedger.Entry> entries);

    /**
     * Runs once after the last chunk, in its own transaction, before the undo is reported done: where the
     * target keeps figures that cannot be subtracted (day rollups of stage moves), it counts them again here.
     */
    default void undone() {}
}
