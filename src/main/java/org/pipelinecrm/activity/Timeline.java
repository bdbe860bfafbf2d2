package org.pipelinecrm.activity;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.identity.Actor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One record's history, newest first: activities and tasks from this module plus whatever other modules
 * add through {@link TimelineSource} (stage changes, score changes, handoffs, imports).
 */
@Service
@Transactional(readOnly = true)
public class Timeline {

    public static final int PAGE_SIZE = 20;
    private static final Comparator<TimelineEntry> NEWEST_FIRST =
            Comparator.comparing(TimelineEntry::when).reversed();

    private final List<TimelineSource> sources;
    private final LinkedRecords records;

    Timeline(List<TimelineSource> sources, LinkedRecords records) {
        this.sources = sources;
        this.records = records;
    }

    /**
     * A page of the record's timeline, optionally of one kind. Each source gives its newest entries up to
     * the end of the page, so merging them is exact without the sources knowing about each other.
     */
    public TimelinePage of(RecordType type, long recordId, String kind, int page, Actor by) {
        RecordRef record = records.require(type, recordId, by);
        String only = kind == null || kind.isBlank() ? null : kind.trim().toUpperCase(Locale.ROOT);
        int first = Math.max(page, 0) * PAGE_SIZE;
        int wanted = first + PAGE_SIZE + 1; // one more tells whether there is a next page
        List<TimelineEntry> merged = sources.stream()
                .flatMap(s -> s.entries(type, recordId, only, wanted, by).stream())
                .filter(e -> only == null || only.equals(e.kind()))
                .sorted(NEWEST_FIRST)
                .limit(wanted)
                .toList();
        List<TimelineEntry> entries =
                merged.stream().skip(first).limit(PAGE_SIZE).toList();
        return new TimelinePage(record, entries, Math.max(page, 0), merged.size() > first + PAGE_SIZE);
    }

    public record TimelinePage(RecordRef record, List<TimelineEntry> entries, int page, boolean hasMore) {}
}
