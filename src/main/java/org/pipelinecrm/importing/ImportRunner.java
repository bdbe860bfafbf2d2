package org.pipelinecrm.importing;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.importing.ImportStatus.RowError;
import org.pipelinecrm.shared.database.DatabaseUnavailable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;

/**
 * Runs an import on a db-scheduler thread (one instance picks it up), as the person who uploaded it.
 * Rows are written in chunks, one transaction each; a bad row is refused alone and reported, good rows stay.
 */
@Configuration(proxyBeanMethods = false)
class ImportRunner {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ImportRunner.class);

    /** Rows per transaction: large enough to make a big file fast, small enough for a lively progress bar. */
    private static final int CHUNK = 2_000;
    /** A mapping value starting with this is the field's value for every row, not a column (e.g. the pipeline). */
    static final String CONSTANT = "=";

    @Bean
    OneTimeTask<Imports.Run> csvImport(
            ImportJobRepository jobs, @Lazy Imports imports, SignedIn signedIn, TransactionTemplate tx) {
        return Tasks.oneTime("csv-import", Imports.Run.class).execute((instance, context) -> {
            Imports.Run run = instance.getData();
            signedIn.as(run.email(), () -> execute(jobs, imports, tx, run.jobId()));
        });
    }

    /** Records an undo handles per transaction. */
    private static final int UNDO_CHUNK = 500;

    @Bean
    OneTimeTask<Imports.Run> csvImportUndo(
            ImportJobRepository jobs,
            @Lazy Imports imports,
            SignedIn signedIn,
            TransactionTemplate tx,
            ImportLedger ledger) {
        return Tasks.oneTime("csv-import-undo", Imports.Run.class).execute((instance, context) -> {
            Imports.Run run = instance.getData();
            signedIn.as(run.email(), () -> undo(jobs, imports, tx, ledger, run.jobId()));
        });
    }

    /**
     * Undoes an import a chunk per transaction; each chunk drops the ledger entries it handled and adds its
     * progress in the same transaction, so a run revived after a crash goes on with what is left.
     */
    private static void undo(
            ImportJobRepository jobs, Imports imports, TransactionTemplate tx, ImportLedger ledger, long jobId) {
        ImportJob job = tx.execute(s -> jobs.findById(jobId).orElseThrow());
        if (!"QUEUED".equals(job.undoStatus) && !"RUNNING".equals(job.undoStatus)) {
            return;
        }
        UndoableImportTarget target = (UndoableImportTarget) imports.target(job.entity);
        tx.executeWithoutResult(s -> jobs.undoStatus(jobId, "RUNNING"));
        boolean more = true;
        while (more) {
            more = Boolean.TRUE.equals(tx.execute(s -> {
                List<ImportLedger.Entry> chunk = ledger.next(jobId, UNDO_CHUNK);
                if (chunk.isEmpty()) {
                    return false;
                }
                UndoableImportTarget.UndoResult result = target.undo(chunk);
                ledger.handled(
                        jobId, chunk.stream().map(ImportLedger.Entry::recordId).toList());
                List<Long> refused = new ArrayList<>(Imports.JSON.readValue(
                        jobs.progressOf(jobId).orElseThrow().getUndoRefused(), new TypeReference<List<Long>>() {}));
                refused.addAll(result.leftAlone());
                jobs.undoAdvance(jobId, result.undone(), Imports.JSON.writeValueAsString(refused));
                return true;
            }));
        }
        tx.executeWithoutResult(s -> target.undone());
        tx.executeWithoutResult(s -> jobs.undoStatus(jobId, "DONE"));
    }

    /**
     * Imports the job's rows from where it stopped: a run revived after a crash (db-scheduler finds its execution's
     * heartbeat gone) goes on after the last committed chunk, since each chunk stores the progress in its own
     * transaction. While the database is away the run stops with an exception and db-scheduler retries it later.
     */
    private static void execute(ImportJobRepository jobs, Imports imports, TransactionTemplate tx, long jobId) {
        ImportJob job = tx.execute(s -> jobs.findById(jobId).orElseThrow());
        if (!"QUEUED".equals(job.status) && !"RUNNING".equals(job.status)) {
            return; // finished meanwhile: a repeated execution has nothing to do
        }
        boolean resuming = "RUNNING".equals(job.status);
        ImportTarget target = imports.target(job.entity);
        Map<String, String> mapping = Imports.JSON.readValue(job.mapping, new TypeReference<Map<String, String>>() {});
        ImportTally tally = resuming
                ? new ImportTally(
                        job.processed,
                        job.imported,
                        job.updated,
                        job.skipped,
                        Imports.JSON.readValue(job.errors, new TypeReference<List<RowError>>() {}),
                        Imports.JSON.readValue(job.notes, new TypeReference<List<RowError>>() {}))
                : ImportTally.NONE;
        ImportOptions options = Imports.options(job);
        try (CSVParser parser = CsvFile.parse(job.content, options.encoding())) {
            Map<String, String> columns = columns(target, parser.getHeaderNames(), mapping);
            List<CSVRecord> records = parser.getRecords();
            if (resuming) {
                LOG.info("Import {} resumes after row {} of {}", jobId, tally.processed(), records.size());
            } else {
                progress(tx, jobs, jobId, "RUNNING", records.size(), tally);
            }
            for (int from = tally.processed(); from < records.size(); from += CHUNK) {
                List<ChunkedImportTarget.Row> chunk = new ArrayList<>();
                for (CSVRecord record : records.subList(from, Math.min(records.size(), from + CHUNK))) {
                    chunk.add(new ChunkedImportTarget.Row(record.getRecordNumber() + 1, values(columns, record)));
                }
                tally = write(tx, jobs, jobId, target, options, columns, chunk, tally);
            }
            tx.executeWithoutResult(s -> target.imported());
            progress(tx, jobs, jobId, "DONE", records.size(), tally);
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuntimeException stop && mustStop(stop)) {
                throw stop;
            }
            progress(
                    tx,
                    jobs,
                    jobId,
                    "FAILED",
                    job.total,
                    tally.withError(RowError.of(0, new RowProblem("unreadable", String.valueOf(e.getMessage())))));
        }
    }

    /** The database went away, or another execution of the same import advanced it: not the rows' fault. */
    private static boolean mustStop(RuntimeException e) {
        return e instanceof TakenOver || DatabaseUnavailable.isCause(e);
    }

    /** Another execution of this import (revived while this one still lived) committed this chunk first. */
    static final class TakenOver extends RuntimeException {
        TakenOver(long jobId) {
            super("Import " + jobId + " was advanced by another execution; this one stops");
        }
    }

    private static void advance(ImportJobRepository jobs, long jobId, int expectedProcessed, ImportTally next) {
        if (jobs.advance(
                        jobId,
                        expectedProcessed,
                        next.processed(),
                        next.imported(),
                        next.updated(),
                        next.skipped(),
                        Imports.JSON.writeValueAsString(next.errors()),
                        Imports.JSON.writeValueAsString(next.notes()))
                == 0) {
            throw new TakenOver(jobId);
        }
    }

    /**
     * A chunk in one transaction when the target can, else (or when that transaction fails) row by row, each
     * row in its own transaction, so that a bad row rolls back alone. The progress is stored in the same
     * transactions, so that what is counted is exactly what was written.
     */
    private static ImportTally write(
            TransactionTemplate tx,
            ImportJobRepository jobs,
            long jobId,
            ImportTarget target,
            ImportOptions options,
            Map<String, String> columns,
            List<ChunkedImportTarget.Row> chunk,
            ImportTally before) {
        if (target instanceof ChunkedImportTarget chunked) {
            try {
                return tx.execute(s -> {
                    ChunkedImportTarget.ChunkResult result = chunked.importRows(chunk, options);
                    ImportTally next = before.plus(
                            new ChunkedImportTarget.ChunkResult(
                                    result.imported(),
                                    result.updated(),
                                    result.errors().stream()
                                            .map(e -> e.in(columns))
                                            .toList()),
                            chunk.size());
                    advance(jobs, jobId, before.processed(), next);
                    return next;
                });
            } catch (RuntimeException e) {
                if (mustStop(e)) {
                    throw e;
                }
                // e.g. a concurrent import took an external id meanwhile: retry row by row to find the culprit
                LOG.warn(
                        "Import chunk from row {} failed as a whole, writing it row by row: {}",
                        chunk.get(0).number(),
                        e.toString());
            }
        }
        ImportTally tally = before;
        int stored = before.processed();
        for (ChunkedImportTarget.Row row : chunk) {
            ImportTally current = tally;
            int expected = stored;
            try {
                tally = tx.execute(s -> {
                    List<RowError> notes = new ArrayList<>();
                    boolean wasUpdate = target.importRow(
                            row.values(),
                            options,
                            note -> notes.add(RowError.of(row.number(), note).in(columns)));
                    ImportTally next = current.plusRow(wasUpdate, notes);
                    advance(jobs, jobId, expected, next);
                    return next;
                });
                stored = tally.processed();
            } catch (RuntimeException e) {
                if (mustStop(e)) {
                    throw e;
                }
                // nothing of the row was written: after a crash it is simply read (and refused) again
                tally = tally.plusError(
                        e instanceof RowProblem
                                ? RowError.of(row.number(), e).in(columns)
                                : new RowError(row.number(), reason(e)));
            }
        }
        if (stored != tally.processed()) {
            ImportTally last = tally;
            int expected = stored;
            tx.executeWithoutResult(s -> advance(jobs, jobId, expected, last));
        }
        return tally;
    }

    private static Map<String, String> values(Map<String, String> columns, CSVRecord record) {
        Map<String, String> values = new HashMap<>();
        columns.forEach((field, column) -> values.put(
                field,
                column.startsWith(CONSTANT)
                        ? column.substring(1)
                        : record.isMapped(column) && record.isSet(column) ? blankToNull(record.get(column)) : null));
        return values;
    }

    /**
     * CRM field → CSV column: the given mapping (a blank column: the field is not imported), else a column whose
     * name matches the field or one of its synonyms, ignoring case, spaces, dashes and underscores, else one whose
     * name contains the field's.
     */
    static Map<String, String> columns(ImportTarget target, List<String> headers, Map<String, String> mapping) {
        Map<String, String> columns = new HashMap<>();
        for (String field : target.fields()) {
            String mapped = mapping.get(field);
            if (mapped != null) {
                if (!mapped.isBlank()) {
                    columns.put(field, mapped);
                }
                continue;
            }
            List<String> names = new ArrayList<>();
            names.add(field);
            names.addAll(target.synonyms().getOrDefault(field, List.of()));
            names.stream()
                    .flatMap(name -> headers.stream().filter(h -> squash(h).equals(squash(name))))
                    .filter(h -> !columns.containsValue(h))
                    .findFirst()
                    .ifPresent(h -> columns.put(field, h));
        }
        // Then a column whose name contains a field's still unmatched ("Lead Source" → source), if not taken.
        for (String field : target.fields()) {
            if (!mapping.containsKey(field) && !columns.containsKey(field)) {
                headers.stream()
                        .filter(h -> !h.isBlank() && squash(h).contains(squash(field)))
                        .filter(h -> !columns.containsValue(h))
                        .findFirst()
                        .ifPresent(h -> columns.put(field, h));
            }
        }
        return columns;
    }

    private static String squash(String s) {
        return s == null
                ? ""
                : s.toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[\\s_\\-\u200c.]", "")
                        .replace('\u064A', '\u06CC') // Arabic and Persian yeh and kaf alike
                        .replace('\u0643', '\u06A9');
    }

    private static String reason(RuntimeException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return e instanceof IllegalArgumentException || root == e ? e.getMessage() : root.getMessage();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void progress(
            TransactionTemplate tx, ImportJobRepository jobs, long id, String status, int total, ImportTally tally) {
        String json = Imports.JSON.writeValueAsString(tally.errors());
        String notes = Imports.JSON.writeValueAsString(tally.notes());
        tx.executeWithoutResult(s -> jobs.recordProgress(
                id, status, total, tally.processed(), tally.imported(), tally.updated(), tally.skipped(), json, notes));
    }
}
