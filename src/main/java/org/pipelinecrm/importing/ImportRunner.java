package org.pipelinecrm.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.apache.commons.csv.CSVFormat;
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
 * Each row has its own transaction: a bad row rolls back alone and is reported; good rows stay.
 */
@Configuration(proxyBeanMethods = false)
class ImportRunner {

    private static final int PROGRESS_EVERY = 100;
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
        String text = new String(job.content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).setTrim(true).get();
        int imported = 0;
        int updated = 0;
        int skipped = 0;
        List<RowError> errors = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<String, String> columns = columns(target, parser.getHeaderNames(), mapping);
            List<CSVRecord> records = parser.getRecords();
            progress(tx, jobs, jobId, "RUNNING", records.size(), 0, 0, 0, 0, errors);
            int processed = 0;
            for (CSVRecord record : records) {
                long row = record.getRecordNumber() + 1; // the header is row 1
                Map<String, String> values = new HashMap<>();
                columns.forEach((field, column) -> values.put(field, column.startsWith(CONSTANT) ? column.substring(1)
                        : record.isMapped(column) && record.isSet(column) ? blankToNull(record.get(column)) : null));
                try {
                    Boolean wasUpdate = tx.execute(s -> target.importRow(values));
                    if (Boolean.TRUE.equals(wasUpdate)) {
                        updated++;
                    } else {
                        imported++;
                    }
                } catch (RuntimeException e) {
                    skipped++;
                    errors.add(new RowError(row, reason(e)));
                }
                if (++processed % PROGRESS_EVERY == 0) {
                    progress(tx, jobs, jobId, "RUNNING", records.size(), processed, imported, updated, skipped, errors);
                }
            }
            progress(tx, jobs, jobId, "DONE", records.size(), processed, imported, updated, skipped, errors);
        } catch (IOException | RuntimeException e) {
            errors.add(new RowError(0, "The file could not be read: " + e.getMessage()));
            progress(tx, jobs, jobId, "FAILED", 0, 0, imported, updated, skipped, errors);
        }
    }

    /** CRM field → CSV column: the given mapping, else a column whose name matches the field. */
    static Map<String, String> columns(ImportTarget target, List<String> headers, Map<String, String> mapping) {
        Map<String, String> columns = new HashMap<>();
        for (String field : target.fields()) {
            String mapped = mapping.get(field);
            if (mapped != null && !mapped.isBlank()) {
                columns.put(field, mapped);
                continue;
            }
            headers.stream().filter(h -> squash(h).equals(squash(field))).findFirst()
                    .ifPresent(h -> columns.put(field, h));
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
        tx.executeWithoutResult(s -> {
            ImportJob job = jobs.findById(id).orElseThrow();
            job.status = status;
            job.total = total;
            job.processed = processed;
            job.imported = imported;
            job.updated = updated;
            job.skipped = skipped;
            job.errors = Imports.JSON.writeValueAsString(errors);
        });
    }
}
