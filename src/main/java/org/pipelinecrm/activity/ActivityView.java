package org.pipelinecrm.activity;

import java.time.Instant;
import java.util.List;

/** An activity as the API and pages show it. */
public record ActivityView(
        long id,
        ActivityKind kind,
        RecordType recordType,
        long recordId,
        String subject,
        String body,
        Direction direction,
        Instant occurredAt,
        Integer durationMinutes,
        String outcome,
        long authorId,
        List<Long> participantUserIds,
        List<Long> participantContactIds,
        long version) {}
