package org.pipelinecrm.importing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accepts uploads, previews them with a mapping of columns to fields, and queues them for the background import. */
@Service
public class Imports {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PREVIEW_ROWS = 5;

    /** What the scheduled task needs to find the upload and act as the person who sent it. */
    record Run(long tenantId, long jobId, String email) implements Serializable {}

    private final ImportJobRepository jobs;
    private final List<ImportTarget> targets;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Run> task;
    private final TransactionTemplate tx;

    Imports(
            ImportJobRepository jobs,
            List<ImportTarget> targets,
            @Lazy SchedulerClient scheduler,
            @Qualifier("csvImport") OneTimeTask<Run> task,
            TransactionTemplate tx) {
        this.jobs = jobs;
        this.targets = targets;
        this.scheduler = scheduler;
        this.task = task;
        this.tx = tx;
    }

    public ImportTarget target(String entity) {
        return targets.stream()
                .filter(t -> t.entity().equalsIgnoreCase(entity))
                .findFirst()
                .orElseThrow(() -> new org.pipelinecrm.shared.InvalidInputException(
                        "entity",
                        "problem.field.one-of",
                        "Unknown entity to import: " + entity,
                        "leads, opportunities"));
    }

    /**
     * Stores the file and queues it; {@code mapping} is CRM field → CSV column, fields it leaves out are matched
     * to a column of the same name, and a blank column means the field is not imported.
     */
    public long start(String entity, String fileName, byte[] content, Map<String, String> mapping) {
        long id = upload(entity, fileName, content);
        start(id, mapping);
        return id;
    }

    /** Stores the file as a draft to be mapped and previewed; refuses a file without a readable header. */
    public long upload(String entity, String fileName, byte[] content) {
        target(entity);
        header(content);
        var user = CurrentUser.get();
        return tx.execute(status -> {
            ImportJob job = new ImportJob(entity.toLowerCase(), fileName, content, "{}", user.id());
            job.status = "DRAFT";
            return jobs.save(job).id;
        });
    }

    /** The draft's columns, the mapping ({@code chosen} over the suggestion by name) and its first rows. */
    public ImportPreview preview(long id, Map<String, String> chosen) {
        ImportJob job = job(id);
        ImportTarget target = target(job.entity);
        try (CSVParser parser = CsvFile.parse(job.content)) {
            List<String> columns = parser.getHeaderNames();
            Map<String, String> mapping = ImportRunner.columns(target, columns, chosen == null ? Map.of() : chosen);
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == PREVIEW_ROWS) {
                    break;
                }
                rows.add(target.fields().stream()
                        .map(f -> {
                            String column = mapping.get(f);
                            return column != null && record.isMapped(column) && record.isSet(column)
                                    ? record.get(column)
                                    : "";
                        })
                        .toList());
            }
            Map<String, String> complete = new LinkedHashMap<>();
            target.fields().forEach(f -> complete.put(f, mapping.getOrDefault(f, "")));
            return new ImportPreview(
                    job.id,
                    job.entity,
                    job.fileName,
                    columns,
                    target.fields(),
                    target.requiredFields(),
                    complete,
                    rows);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportMappingException(
                    "unreadable", "The file could not be read: " + e.getMessage(), e.getMessage());
        }
    }

    /** Checks the mapping against the file's columns and the target's needs, then queues the draft. */
    public void start(long id, Map<String, String> mapping) {
        ImportJob draft = job(id);
        if (!"DRAFT".equals(draft.status)) {
            throw new ConflictException("import.started", "This import has already been started");
        }
        ImportTarget target = target(draft.entity);
        Map<String, String> given = mapping == null ? Map.of() : mapping;
        for (String field : given.keySet()) {
            if (!target.fields().contains(field)) {
                throw new ImportMappingException(
                        "unknownField",
                        "Unknown field " + field + "; the fields are " + String.join(", ", target.fields()),
                        field);
            }
        }
        ImportPreview preview = preview(id, given);
        preview.mapping().forEach((field, column) -> {
            if (!column.isBlank()
                    && !column.startsWith(ImportRunner.CONSTANT)
                    && !preview.columns().contains(column)) {
                throw new ImportMappingException(
                        "unknownColumn",
                        "The file has no column " + column + " (mapped to " + field + "); its columns are "
                                + String.join(", ", preview.columns()),
                        column,
                        field);
            }
        });
        for (String field : target.requiredFields()) {
            if (preview.mapping().get(field).isBlank()) {
                throw new ImportMappingException(
                        "required", "No column is mapped to " + field + ", which every row needs", field);
            }
        }
        var user = CurrentUser.get();
        tx.executeWithoutResult(s -> {
            ImportJob job = jobs.findById(id).orElseThrow(() -> new NotFoundException("Import", id));
            job.mapping = JSON.writeValueAsString(preview.mapping());
            job.status = "QUEUED";
        });
        scheduler.scheduleIfNotExists(
                task.instance("import-" + id, new Run(TenantContext.require(), id, user.email())), Instant.now());
    }

    private ImportJob job(long id) {
        return tx.execute(s -> jobs.findById(id).orElseThrow(() -> new NotFoundException("Import", id)));
    }

    private static void header(byte[] content) {
        try (CSVParser parser = CsvFile.parse(content)) {
            if (parser.getHeaderNames().stream().allMatch(String::isBlank)) {
                throw new ImportMappingException("noHeader", "The first row of the file must name its columns");
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException e) {
            if (e instanceof ImportMappingException m) {
                throw m;
            }
            throw new ImportMappingException(
                    "unreadable", "The file could not be read: " + e.getMessage(), e.getMessage());
        }
    }

    public ImportStatus status(long id) {
        return tx.execute(
                s -> jobs.progressOf(id).map(Imports::view).orElseThrow(() -> new NotFoundException("Import", id)));
    }

    static ImportStatus view(ImportJobRepository.Progress j) {
        return new ImportStatus(
                j.getId(),
                j.getEntity(),
                j.getStatus(),
                j.getTotal(),
                j.getProcessed(),
                j.getImported(),
                j.getUpdated(),
                j.getSkipped(),
                JSON.readValue(j.getErrors(), new TypeReference<List<ImportStatus.RowError>>() {}));
    }
}
