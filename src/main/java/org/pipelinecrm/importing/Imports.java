package org.pipelinecrm.importing;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accepts uploads and queues them for the background import. */
@Service
public class Imports {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the scheduled task needs to find the upload and act as the person who sent it. */
    record Run(long tenantId, long jobId, String email) implements Serializable {
    }

    private final ImportJobRepository jobs;
    private final List<ImportTarget> targets;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Run> task;
    private final TransactionTemplate tx;

    Imports(ImportJobRepository jobs, List<ImportTarget> targets, @Lazy SchedulerClient scheduler,
            @Qualifier("csvImport") OneTimeTask<Run> task, TransactionTemplate tx) {
        this.jobs = jobs;
        this.targets = targets;
        this.scheduler = scheduler;
        this.task = task;
        this.tx = tx;
    }

    public ImportTarget target(String entity) {
        return targets.stream().filter(t -> t.entity().equalsIgnoreCase(entity)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown entity to import: " + entity));
    }

    /** Stores the file and queues it; {@code mapping} is CRM field → CSV column (empty: matched by name). */
    public long start(String entity, String fileName, byte[] content, Map<String, String> mapping) {
        target(entity);
        var user = CurrentUser.get();
        long id = tx.execute(status -> jobs.save(new ImportJob(entity.toLowerCase(), fileName, content,
                JSON.writeValueAsString(mapping == null ? Map.of() : mapping), user.id())).id);
        scheduler.scheduleIfNotExists(task.instance("import-" + id, new Run(TenantContext.require(), id, user.email())),
                Instant.now());
        return id;
    }

    public ImportStatus status(long id) {
        return tx.execute(s -> jobs.findById(id).map(Imports::view).orElseThrow(() -> new NotFoundException("Import", id)));
    }

    static ImportStatus view(ImportJob j) {
        return new ImportStatus(j.id, j.entity, j.status, j.total, j.processed, j.imported, j.updated, j.skipped,
                JSON.readValue(j.errors, new TypeReference<List<ImportStatus.RowError>>() { }));
    }
}
