package org.pipelinecrm.exporting;

import java.time.Instant;
import java.util.List;

/** One entry of the privacy log as the API and the settings page show it. */
public record PrivacyLogEntry(
        long id,
        String action,
        long actorId,
        String actorName,
        List<Long> leadIds,
        List<Long> contactIds,
        int activities,
        Instant occurredAt) {}
