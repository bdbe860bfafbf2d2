package org.pipelinecrm.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * This module's own part of every timeline: the record's activities and tasks, and the activities of
 * related records (an account's deals and contacts), titled with the record they were logged on.
 */
@Component
class OwnTimelineEntries implements TimelineSource {

    static final String TASK = "TASK";

    private final ActivityRepository activities;
    private final SalesTaskRepository tasks;
    private final LinkedRecords records;
    private final People people;

    OwnTimelineEntries(ActivityRepository activities, SalesTaskRepository tasks, LinkedRecords records,
            People people) {
        this.activities = activities;
        this.tasks = tasks;
        this.records = records;
        this.people = people;
    }

    @Override
    public List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit) {
        Map<Long, String> names = people.userNames();
        long me = CurrentUser.get().id();
        List<TimelineEntry> entries = new ArrayList<>();
        ActivityKind activityKind = activityKind(kind);
        if (kind == null || activityKind != null) {
            RecordRef self = records.require(type, recordId);
            Map<RecordType, Map<Long, RecordRef>> byType = records.withRelated(self).stream().collect(
                    Collectors.groupingBy(RecordRef::type, Collectors.toMap(RecordRef::id, r -> r, (a, b) -> a)));
            byType.forEach((t, refs) -> activities.newest(t, refs.keySet(), activityKind, PageRequest.of(0, limit))
                    .stream().map(Activity::toView).forEach(a -> {
                        RecordRef on = refs.get(a.recordId());
                        boolean own = on.type() == type && on.id() == recordId;
                        entries.add(new TimelineEntry(a.occurredAt(), a.kind().name(), names.get(a.authorId()),
                                own ? a.subject() : a.subject() + " · " + on.title(), summary(a),
                                own ? null : on.link(), a.authorId() == me ? "/activities/" + a.id() + "/edit" : null));
                    }));
        }
        if (kind == null || TASK.equals(kind)) {
            tasks.newest(type, recordId, PageRequest.of(0, limit)).stream().map(SalesTask::toView)
                    .forEach(t -> entries.add(new TimelineEntry(t.completed() ? t.completedAt() : t.dueAt(), TASK,
                            names.get(t.assigneeId()), t.title(), t.completed() ? "DONE" : "OPEN", null)));
        }
        return entries;
    }

    private static String summary(ActivityView a) {
        StringBuilder text = new StringBuilder();
        if (a.outcome() != null && !a.outcome().isBlank()) {
            text.append(a.outcome());
        }
        if (a.body() != null && !a.body().isBlank()) {
            text.append(text.isEmpty() ? "" : " — ").append(a.body());
        }
        return text.isEmpty() ? null : text.toString();
    }

    private static ActivityKind activityKind(String kind) {
        if (kind == null) {
            return null;
        }
        for (ActivityKind k : ActivityKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }
}
