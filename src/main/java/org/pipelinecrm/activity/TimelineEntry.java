package org.pipelinecrm.activity;

import java.time.Instant;

/**
 * One line of a record's timeline. {@code kind} is a short upper-case word (CALL, TASK, STAGE_CHANGE,
 * SCORE_CHANGE, STATUS_CHANGE, HANDOFF, IMPORT, EDIT...) used for filtering and as i18n key
 * {@code timeline.kind.<KIND>}; {@code actor} is a display name or null; {@code link} is a path or null;
 * {@code editLink} is where the signed-in person may change the entry, or null.
 */
public record TimelineEntry(
        Instant when, String kind, String actor, String title, String detail, String link, String editLink) {

    public TimelineEntry(Instant when, String kind, String actor, String title, String detail, String link) {
        this(when, kind, actor, title, detail, link, null);
    }
}
