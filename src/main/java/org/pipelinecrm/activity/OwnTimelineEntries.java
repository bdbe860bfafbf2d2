package org.pipelinecrm.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

/**
 * This module's own part of every timeline: the record's activities and tasks, and those of related records
 * (an account's deals and contacts), titled with the record they belong to and linked to it.
 */
@Component
class OwnTimelineEntries implements TimelineSource {

    static final String TASK = "TASK";

    private final ActivityRepository activities;
    private final SalesTaskRepository tasks;
    private final LinkedRecords records;
    private final People people;

    OwnTimelineEntries(ActivityRepository activities, SalesTaskRepository tasks, LinkedRecords records, People people) {
        this.activities = activities;
        this.tasks = tasks;
        this.records = records;
        this.people = people;
    }

    @Override
    public List<TimelineEntry> entries(RecordType type, long recordId, String kind, int limit, Actor by) {
        ActivityKind activityKind = activityKind(kind);
        boolean withActivities = kind == null || activityKind != null;
        boolean withTasks = kind == null || TASK.equals(kind);
        if (!withActivities && !withTasks) {
            return List.of();
        }
        Map<Long, String> names = people.userNames();
        long me = by.id();
        RecordRef self = records.require(type, recordId, by);
        Map<RecordType, Map<Long, RecordRef>> byType = records.withRelated(self, by).stream()
                .collect(Collectors.groupingBy(RecordRef::type, Collectors.toMap(RecordRef::id, r -> r, (a, b) -> a)));
        List<TimelineEntry> entries = new ArrayList<>();
        byType.forEach((t, refs) -> {
            if (withActivities) {
                activities.newest(t, refs.keySet(), activityKind, PageRequest.of(0, limit)).stream()
                        .map(Activity::toView)
                        .forEach(a -> {
                            RecordRef on = refs.get(a.recordId());
                            entries.add(new TimelineEntry(
                                    a.occurredAt(),
                                    a.kind().name(),
                                    names.get(a.authorId()),
                                    titled(a.subject(), on, self),
                                    summary(a),
                                    own(on, self) ? null : on.link(),
                                    a.authorId() == me ? "/activities/" + a.id() + "/edit" : null));
                        });
            }
            if (withTasks) {
                tasks.newest(t, refs.keySet(), PageRequest.of(0, limit)).stream()
                        .map(SalesTask::toView)
                        .forEach(task -> {
                            RecordRef on = refs.get(task.recordId());
                            entries.add(new TimelineEntry(
                                    task.completed() ? task.completedAt() : task.dueAt(),
                                    TASK,
                                    names.get(task.assigneeId()),
                                    titled(task.title(), on, self),
                                    task.completed() ? "DONE" : "OPEN",
                                    own(on, self) ? null : on.link()));
                        });
            }
        });
        return entries;
    }

    private static boolean own(RecordRef on, RecordRef self) {
        return on.type() == self.type() && on.id() == self.id();
    }

    /** An entry of a related record (an account's deal or contact) says which one it belongs to. */
    private static String titled(String title, RecordRef on, RecordRef self) {
        return own(on, self) ? title : title + " · " + on.title();
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
