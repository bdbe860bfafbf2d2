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
import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.shared.TenantOwned;
import org.springframework.security.access.AccessDeniedException;

/** Something that happened with a customer, logged on one record. Only its author changes it. */
@Entity
class Activity extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Enumerated(EnumType.STRING)
    private ActivityKind kind;

    @Enumerated(EnumType.STRING)
    private RecordType recordType;

    private long recordId;
    private String subject;
    private String body;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    private Instant occurredAt;
    private Integer durationMinutes;
    private String outcome;

    @Column(updatable = false)
    private long authorId;

    private Long[] participantUserIds = new Long[0];
    private Long[] participantContactIds = new Long[0];

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected Activity() {}

    Activity(ActivityKind kind, RecordType recordType, long recordId, long authorId) {
        this.kind = kind;
        this.recordType = recordType;
        this.recordId = recordId;
        this.authorId = authorId;
    }

    void describe(
            String subject,
            String body,
            Direction direction,
            Instant occurredAt,
            Integer durationMinutes,
            String outcome,
            List<Long> users,
            List<Long> contacts) {
        this.subject = subject.trim();
        this.body = body;
        // Notes have no direction; notes and e-mails have no duration.
        this.direction = kind == ActivityKind.NOTE || kind == ActivityKind.MEETING ? null : direction;
        this.occurredAt = occurredAt;
        this.durationMinutes = kind.hasDuration() ? durationMinutes : null;
        this.outcome = outcome;
        this.participantUserIds = users.stream().distinct().toArray(Long[]::new);
        this.participantContactIds = contacts.stream().distinct().toArray(Long[]::new);
    }

    void checkAuthor(long userId) {
        if (authorId != userId) {
            throw new AccessDeniedException("Only the author changes an activity");
        }
    }

    void checkVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new org.springframework.orm.ObjectOptimisticLockingFailureException(Activity.class, id);
        }
    }

    Long getId() {
        return id;
    }

    RecordType getRecordType() {
        return recordType;
    }

    long getRecordId() {
        return recordId;
    }

    ActivityView toView() {
        return new ActivityView(
                id,
                kind,
                recordType,
                recordId,
                subject,
                body,
                direction,
                occurredAt,
                durationMinutes,
                outcome,
                authorId,
                Arrays.asList(participantUserIds),
                Arrays.asList(participantContactIds),
                version);
    }
}
