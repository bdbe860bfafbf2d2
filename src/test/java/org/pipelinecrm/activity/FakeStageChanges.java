package org.pipelinecrm.activity;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Component;

/** What the pipeline module will contribute to a deal's timeline: one stage change of the deal under test. */
@Component
class FakeStageChanges implements TimelineSource {

    static volatile long deal;

    @Override
    public List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit) {
        if (type != RecordType.OPPORTUNITY || recordId != deal || (kind != null && !"STAGE_CHANGE".equals(kind))) {
            return List.of();
        }
        return List.of(new TimelineEntry(Instant.parse("2026-01-04T09:00:00Z"), "STAGE_CHANGE", "Admin",
                "Moved to Proposal", null, null));
    }
}
