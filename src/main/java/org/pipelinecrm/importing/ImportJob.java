package org.pipelinecrm.importing;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** One upload and its progress; progress writes touch only the counters, not the file. */
@Entity
@org.hibernate.annotations.DynamicUpdate
class ImportJob extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    String entity;
    String fileName;
    byte[] content;
    String mapping;
    String status = "QUEUED";
    int total;
    int processed;
    int imported;
    int updated;
    int skipped;
    String errors = "[]";
    String options = "{}";
    String notes = "[]";
    String undoStatus;
    int undone;
    String undoRefused = "[]";
    Long createdBy;
    Instant createdAt = Instant.now();

    @Version
    long version;

    protected ImportJob() {}

    ImportJob(String entity, String fileName, byte[] content, String mapping, long createdBy) {
        this.entity = entity;
        this.fileName = fileName;
        this.content = content;
        this.mapping = mapping;
        this.createdBy = createdBy;
    }
}
