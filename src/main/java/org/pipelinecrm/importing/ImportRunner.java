package org.pipelinecrm.importing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pipelinecrm.identity.SignedIn;
import org.pipelinecrm.importing.ImportStatus.RowError;
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
    OneTimeTask<Imports.Run> csvImport(ImportJobRepository jobs, @Lazy Imports imports, SignedIn signedIn,
            TransactionTemplate tx) {
        return Tasks.oneTime("csv-import", Imports.Run.class).execute((instance, context) -> {
            Imports.Run run = instance.getData();
            signedIn.as(run.email(), () -> execute(jobs, imports, tx, run.jobId()));
        });
    }

    private static void execute(ImportJobRepository jobs, Imports imports, TransactionTemplate tx, long jobId) {
        ImportJob job = tx.execute(s -> jobs.findById(jobId).orElseThrow());
        ImportTarget target = imports.target(job.entity);
        Map<String, String> mapping = Imports.JSON.readValue(job.mapping, new TypeReference<Map<String, String>>() { });
        int imported = 0;
        int updated = 0;
        int skipped = 0;
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CsvFile.parse(job.content)) {
            Map<String, String> columns = columns(target, parser.getHeaderNames(), mapping);
            List<CSVRecord> records = parser.getRecords();
            progress(tx, jobs, jobId, "RUNNING", records.size(), 0, 0, 0, 0, errors);
            int processed = 0;
            for (int from = 0; from < records.size(); from += CHUNK) {
                List<ChunkedImportTarget.Row> chunk = new ArrayList<>();
                for (CSVRecord record : records.subList(from, Math.min(records.size(), from + CHUNK))) {
                    chunk.add(new ChunkedImportTarget.Row(record.getRecordNumber() + 1, values(columns, record)));
                }
                ChunkedImportTarget.ChunkResult result = write(tx, target, chunk);
                imported += result.imported();
                updated += result.updated();
                skipped += result.errors().size();
                errors.addAll(result.errors());
                processed += chunk.size();
                progress(tx, jobs, jobId, "RUNNING", records.size(), processed, imported, updated, skipped, errors);
            }
            progress(tx, jobs, jobId, "DONE", records.size(), processed, imported, updated, skipped, errors);
        } catch (IOException | RuntimeException e) {
            errors.add(new RowError(0, "The file could not be read: " + e.getMessage()));
            progress(tx, jobs, jobId, "FAILED", 0, 0, imported, updated, skipped, errors);
        }
    }

    /**
     * A chunk in one transaction when the target can, else (or when that transaction fails) row by row, each
     * row in its own transaction, so that a bad row rolls back alone.
     */
    private static ChunkedImportTarget.ChunkResult write(TransactionTemplate tx, ImportTarget target,
            List<ChunkedImportTarget.Row> chunk) {
        if (target instanceof ChunkedImportTarget chunked) {
            try {
                return tx.execute(s -> chunked.importRows(chunk));
            } catch (RuntimeException e) {
                // e.g. a concurrent import took an external id meanwhile: retry row by row to find the culprit
                LOG.warn("Import chunk from row {} failed as a whole, writing it row by row: {}",
                        chunk.get(0).number(), e.toString());
            }
        }
        int imported = 0;
        int updated = 0;
        List<RowError> errors = new ArrayList<>();
        for (ChunkedImportTarget.Row row : chunk) {
            try {
                if (Boolean.TRUE.equals(tx.execute(s -> target.importRow(row.values())))) {
                    updated++;
                } else {
                    imported++;
                }
            } catch (RuntimeException e) {
                errors.add(e instanceof RowProblem ? RowError.of(row.number(), e) : new RowError(row.number(), reason(e)));
            }
        }
        return new ChunkedImportTarget.ChunkResult(imported, updated, errors);
    }

    private static Map<String, String> values(Map<String, String> columns, CSVRecord record) {
        Map<String, String> values = new HashMap<>();
        columns.forEach((field, column) -> values.put(field, column.startsWith(CONSTANT) ? column.substring(1)
                : record.isMapped(column) && record.isSet(column) ? blankToNull(record.get(column)) : null));
        return values;
    }

    /**
     * CRM field → CSV column: the given mapping (a blank column: the field is not imported), else a column whose
     * name matches the field, ignoring case, spaces, dashes and underscores, else one whose name contains it.
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
            headers.stream().filter(h -> squash(h).equals(squash(field))).findFirst()
                    .ifPresent(h -> columns.put(field, h));
        }
        // Then a column whose name contains a field's still unmatched ("Lead Source" → source), if not taken.
        for (String field : target.fields()) {
            if (!mapping.containsKey(field) && !columns.containsKey(field)) {
                headers.stream().filter(h -> !h.isBlank() && squash(h).contains(squash(field)))
                        .filter(h -> !columns.containsValue(h)).findFirst().ifPresent(h -> columns.put(field, h));
            }
        }
        return columns;
    }

    private static String squash(String s) {
        return s == null ? "" : s.toLowerCase().replaceAll("[\\s_\\-]", "");
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

    private static void progress(TransactionTemplate tx, ImportJobRepository jobs, long id, String status, int total,
            int processed, int imported, int updated, int skipped, List<RowError> errors) {
        String json = Imports.JSON.writeValueAsString(errors);
        tx.executeWithoutResult(s -> jobs.recordProgress(id, status, total, processed, imported, updated, skipped, json));
    }
}
