package org.pipelinecrm.importing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final org.pipelinecrm.identity.People people;
    private final OneTimeTask<Run> undoTask;

    Imports(
            ImportJobRepository jobs,
            List<ImportTarget> targets,
            @Lazy SchedulerClient scheduler,
            @Qualifier("csvImport") OneTimeTask<Run> task,
            @Qualifier("csvImportUndo") OneTimeTask<Run> undoTask,
            TransactionTemplate tx,
            org.pipelinecrm.identity.People people) {
        this.people = people;
        this.undoTask = undoTask;
        this.jobs = jobs;
        this.targets = targets;
        this.scheduler = scheduler;
        this.task = task;
        this.tx = tx;
    }

    /** The encodings an importer may name at the upload; {@code auto} detects. */
    public static final List<String> ENCODINGS = CsvFile.ENCODINGS;

    /** Whether some target has a field of that name (so a problem's first value names a field, not a value). */
    public boolean isField(String name) {
        return targets.stream().anyMatch(t -> t.fields().contains(name));
    }

    /** Whom an importer may give the deals of unknown owners: the workspace's active people. */
    public List<org.pipelinecrm.identity.UserSummary> assignablePeople() {
        return people.users().stream().filter(u -> u.active()).toList();
    }

    public ImportTarget target(String entity) {
        return targets.stream()
                .filter(t -> t.entity().equalsIgnoreCase(entity))
                .findFirst()
                .orElseThrow(() -> new org.pipelinecrm.shared.InvalidInputException(
                        "entity",
                        "problem.field.one-of",
                        "Unknown entity to import: " + entity,
                        "leads, opportunities, stage_changes"));
    }

    /**
     * Stores the file and queues it; {@code mapping} is CRM field → CSV column, fields it leaves out are matched
     * to a column of the same name, and a blank column means the field is not imported.
     */
    public long start(String entity, String fileName, byte[] content, Map<String, String> mapping) {
        return start(entity, fileName, content, mapping, ImportOptions.none());
    }

    /** {@link #start(String, String, byte[], Map)} with the importer's choices for the whole file. */
    public long start(
            String entity, String fileName, byte[] content, Map<String, String> mapping, ImportOptions options) {
        check(options); // before anything is stored
        long id = upload(entity, fileName, content, options.encoding());
        start(id, mapping, options);
        return id;
    }

    /** Stores the file as a draft to be mapped and previewed; refuses a file without a readable header. */
    public long upload(String entity, String fileName, byte[] content) {
        return upload(entity, fileName, content, null);
    }

    /** {@link #upload(String, String, byte[])} read in the named encoding ({@code null} or auto: detected). */
    public long upload(String entity, String fileName, byte[] content, String encoding) {
        target(entity);
        String chosen = encoding == null || encoding.isBlank() || "auto".equalsIgnoreCase(encoding) ? null : encoding;
        header(content, chosen);
        var user = CurrentUser.get();
        return tx.execute(status -> {
            ImportJob job = new ImportJob(entity.toLowerCase(), fileName, content, "{}", user.id());
            job.status = "DRAFT";
            job.options = JSON.writeValueAsString(new ImportOptions(0, chosen, null, null, null, Map.of(), null));
            return jobs.save(job).id;
        });
    }

    /** The choices stored with the import, with its id. */
    static ImportOptions options(ImportJob job) {
        ImportOptions stored = JSON.readValue(job.options == null ? "{}" : job.options, ImportOptions.class);
        return new ImportOptions(
                job.id,
                stored.encoding(),
                stored.dateOrder(),
                stored.ownerPolicy(),
                stored.assignToId(),
                stored.owners(),
                stored.stageHistory());
    }

    /** The draft's columns, the mapping ({@code chosen} over the suggestion by name) and its first rows. */
    public ImportPreview preview(long id, Map<String, String> chosen) {
        ImportJob job = job(id);
        ImportTarget target = target(job.entity);
        ImportOptions options = options(job);
        try (CSVParser parser = CsvFile.parse(job.content, options.encoding())) {
            List<String> columns = parser.getHeaderNames();
            Map<String, String> mapping = ImportRunner.columns(target, columns, chosen == null ? Map.of() : chosen);
            List<List<String>> rows = new ArrayList<>();
            String ownerColumn = target.ownerField() == null ? null : mapping.get(target.ownerField());
            Set<String> owners = new LinkedHashSet<>();
            for (CSVRecord record : parser) {
                if (ownerColumn != null && record.isMapped(ownerColumn) && record.isSet(ownerColumn)) {
                    String owner = record.get(ownerColumn).trim();
                    if (!owner.isEmpty()) {
                        owners.add(owner);
                    }
                }
                if (rows.size() == PREVIEW_ROWS) {
                    continue; // the rest only for the owners' names
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
                    rows,
                    owners.isEmpty() ? List.of() : target.unknownOwners(owners),
                    options);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ImportMappingException(
                    "unreadable", "The file could not be read: " + e.getMessage(), e.getMessage());
        }
    }

    /** Checks the mapping against the file's columns and the target's needs, then queues the draft. */
    public void start(long id, Map<String, String> mapping) {
        start(id, mapping, null);
    }

    /**
     * {@link #start(long, Map)} with the importer's choices (date order, unknown owners; the encoding was chosen
     * at the upload and is kept); {@code null} keeps what is stored.
     */
    public void start(long id, Map<String, String> mapping, ImportOptions choices) {
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
        ImportOptions stored = options(draft);
        ImportOptions options = choices == null
                ? stored
                : new ImportOptions(
                        id,
                        stored.encoding(),
                        choices.dateOrder(),
                        choices.ownerPolicy(),
                        choices.assignToId(),
                        choices.owners(),
                        choices.stageHistory());
        check(options);
        var user = CurrentUser.get();
        tx.executeWithoutResult(s -> {
            ImportJob job = jobs.findById(id).orElseThrow(() -> new NotFoundException("Import", id));
            job.mapping = JSON.writeValueAsString(preview.mapping());
            job.options = JSON.writeValueAsString(options);
            job.status = "QUEUED";
        });
        scheduler.scheduleIfNotExists(
                task.instance("import-" + id, new Run(TenantContext.require(), id, user.email())), Instant.now());
    }

    /** Refuses choices that cannot work, naming the parameter; a person of another workspace is not found. */
    private void check(ImportOptions options) {
        if (options.stageHistory() != null
                && !ImportOptions.FROM_FILE.equals(options.stageHistory())
                && !"DERIVED".equals(options.stageHistory())) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "stageHistory", "problem.field.one-of", "stageHistory must be DERIVED or FILE", "DERIVED, FILE");
        }
        if (options.dateOrder() != null
                && !ImportDates.DMY.equals(options.dateOrder())
                && !ImportDates.MDY.equals(options.dateOrder())) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "dateOrder", "problem.field.one-of", "dateOrder must be DMY or MDY", "DMY, MDY");
        }
        List<ImportOptions.OwnerChoice> picked = new ArrayList<>();
        if (options.ownerPolicy() != null) {
            picked.add(new ImportOptions.OwnerChoice(options.ownerPolicy(), options.assignToId()));
        }
        options.owners().keySet().forEach(name -> picked.add(options.ownerChoice(name)));
        for (ImportOptions.OwnerChoice choice : picked) {
            if (!POLICIES.contains(choice.policy())) {
                throw new org.pipelinecrm.shared.InvalidInputException(
                        "ownerPolicy",
                        "problem.field.one-of",
                        "ownerPolicy must be one of " + String.join(", ", POLICIES),
                        String.join(", ", POLICIES));
            }
            if (ImportOptions.ASSIGN_TO.equals(choice.policy())) {
                if (choice.personId() == null) {
                    throw new org.pipelinecrm.shared.InvalidInputException(
                            "assignToId", "import.assignToNeeded", "assignToId: whom to give the deals to is needed");
                }
                people.user(choice.personId()); // 404 for a person of another workspace
            }
        }
    }

    private static final List<String> POLICIES =
            List.of(ImportOptions.CREATE_INACTIVE, ImportOptions.ASSIGN_TO, ImportOptions.SKIP_ROW);

    private ImportJob job(long id) {
        return tx.execute(s -> jobs.findById(id).orElseThrow(() -> new NotFoundException("Import", id)));
    }

    private static void header(byte[] content, String encoding) {
        try (CSVParser parser = CsvFile.parse(content, encoding)) {
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
                JSON.readValue(j.getErrors(), new TypeReference<List<ImportStatus.RowError>>() {}),
                JSON.readValue(j.getNotes(), new TypeReference<List<ImportStatus.RowError>>() {}),
                new ImportStatus.Undo(
                        j.getUndoStatus(),
                        j.getUndone(),
                        JSON.readValue(j.getUndoRefused(), new TypeReference<List<Long>>() {}),
                        j.getCreatedAt().plus(UNDO_DAYS)));
    }

    /** Whether imports of the entity can be undone. */
    public boolean undoable(String entity) {
        return target(entity) instanceof UndoableImportTarget;
    }

    /** How long after it an import may be undone. */
    static final java.time.Duration UNDO_DAYS = java.time.Duration.ofDays(30);

    /**
     * Queues the undo of a finished import: what it created is deleted and what it updated gets its values back,
     * a chunk per transaction; records changed since by someone are left alone and listed.
     */
    public void undo(long id) {
        ImportJob job = job(id);
        if (!(target(job.entity) instanceof UndoableImportTarget)) {
            throw new ConflictException("import.undoUnsupported", "Imports of " + job.entity + " cannot be undone yet");
        }
        if (!"DONE".equals(job.status)) {
            throw new ConflictException("import.undoNotDone", "Only a finished import can be undone");
        }
        if (job.createdAt.plus(UNDO_DAYS).isBefore(Instant.now())) {
            throw new ConflictException("import.undoTooOld", "An import can be undone for 30 days only");
        }
        var user = CurrentUser.get();
        Integer queued = tx.execute(s -> jobs.queueUndo(id));
        if (queued == null || queued == 0) {
            throw new ConflictException("import.undoAgain", "This import has been undone already");
        }
        scheduler.scheduleIfNotExists(
                undoTask.instance("import-undo-" + id, new Run(TenantContext.require(), id, user.email())),
                Instant.now());
    }
}
