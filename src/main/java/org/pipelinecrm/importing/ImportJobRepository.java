package org.pipelinecrm.importing;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ImportJobRepository extends JpaRepository<ImportJob, Long> {

    /** Progress and status without the uploaded file, which can be megabytes. */
    interface Progress {
        long getId();

        String getEntity();

        String getStatus();

        int getTotal();

        int getProcessed();

        int getImported();

        int getUpdated();

        int getSkipped();

        String getErrors();

        String getNotes();

        java.time.Instant getCreatedAt();

        String getUndoStatus();

        int getUndone();

        String getUndoRefused();
    }

    @Query("select j.id as id, j.entity as entity, j.status as status, j.total as total, j.processed as processed,"
            + " j.imported as imported, j.updated as updated, j.skipped as skipped, j.errors as errors,"
            + " j.notes as notes, j.createdAt as createdAt, j.undoStatus as undoStatus, j.undone as undone,"
            + " j.undoRefused as undoRefused from ImportJob j where j.id = ?1")
    Optional<Progress> progressOf(long id);

    /** Writes the counters without loading (and dirty-checking) the file. */
    @Modifying
    @Query("update ImportJob j set j.status = ?2, j.total = ?3, j.processed = ?4, j.imported = ?5, j.updated = ?6,"
            + " j.skipped = ?7, j.errors = ?8, j.notes = ?9 where j.id = ?1")
    int recordProgress(
            long id,
            String status,
            int total,
            int processed,
            int imported,
            int updated,
            int skipped,
            String errors,
            String notes);

    /**
     * Records a chunk's progress in the chunk's own transaction, only if nobody advanced the job meanwhile (an
     * execution revived after a crash while the first was still alive): 0 means this runner must stop.
     */
    /** Asks for the undo once: 0 when it was asked already. */
    @Modifying
    @Query("update ImportJob j set j.undoStatus = 'QUEUED' where j.id = ?1 and j.undoStatus is null"
            + " and j.status = 'DONE'")
    int queueUndo(long id);

    @Modifying
    @Query("update ImportJob j set j.undoStatus = ?2 where j.id = ?1")
    int undoStatus(long id, String status);

    /** An undo chunk's progress, in the chunk's transaction. */
    @Modifying
    @Query("update ImportJob j set j.undone = j.undone + ?2, j.undoRefused = ?3 where j.id = ?1")
    int undoAdvance(long id, int undone, String refused);

    @Modifying
    @Query("update ImportJob j set j.processed = ?3, j.imported = ?4, j.updated = ?5, j.skipped = ?6, j.errors = ?7,"
            + " j.notes = ?8 where j.id = ?1 and j.processed = ?2 and j.status = 'RUNNING'")
    int advance(
            long id,
            int expectedProcessed,
            int processed,
            int imported,
            int updated,
            int skipped,
            String errors,
            String notes);
}
