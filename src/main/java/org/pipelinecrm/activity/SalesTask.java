package org.pipelinecrm.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.TenantOwned;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/**
 * Something a person plans to do by a due time, often the next step on a record. Updates write only the
 * changed columns, so saving an edit never undoes a reminder claimed meanwhile by the e-mail job.
 */
@Entity
@org.hibernate.annotations.DynamicUpdate
class SalesTask extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String title;
    private Instant dueAt;

    @Enumerated(EnumType.STRING)
    private TaskPriority priority;

    private long assigneeId;

    @Column(updatable = false)
    private long createdBy;

    @Enumerated(EnumType.STRING)
    private RecordType recordType;

    private Long recordId;
    private Instant completedAt;
    private Instant remindedAt;

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected SalesTask() {}

    SalesTask(long createdBy) {
        this.createdBy = createdBy;
    }

    void plan(
            String title, Instant dueAt, TaskPriority priority, long assigneeId, RecordType recordType, Long recordId) {
        if (!dueAt.equals(this.dueAt)) {
            remindedAt = null; // a new due time deserves a new reminder
        }
        this.title = title.trim();
        this.dueAt = dueAt;
        this.priority = priority == null ? TaskPriority.NORMAL : priority;
        this.assigneeId = assigneeId;
        this.recordType = recordType;
        this.recordId = recordType == null ? null : recordId;
    }

    void complete(Instant now) {
        if (completedAt != null) {
            throw new ConflictException("task.alreadyCompleted", "The task is completed already");
        }
        completedAt = now;
    }

    void reopen() {
        if (completedAt == null) {
            throw new ConflictException("task.notCompleted", "The task is open");
        }
        completedAt = null;
    }

    void reminded(Instant now) {
        remindedAt = now;
    }

    void checkVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new ObjectOptimisticLockingFailureException(SalesTask.class, id);
        }
    }

    boolean concerns(long userId) {
        return assigneeId == userId || createdBy == userId;
    }

    Long getId() {
        return id;
    }

    RecordType getRecordType() {
        return recordType;
    }

    Long getRecordId() {
        return recordId;
    }

    Instant getCompletedAt() {
        return completedAt;
    }

    TaskView toView() {
        return new TaskView(
                id,
                title,
                dueAt,
                priority,
                assigneeId,
                createdBy,
                recordType,
                recordId,
                completedAt != null,
                completedAt,
                version);
    }
}
