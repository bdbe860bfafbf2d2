package org.pipelinecrm.activity;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.PageOf;
import org.pipelinecrm.tenant.TenantContext;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks: planned next steps with a due time and an assignee. A task on a record is visible to whoever
 * sees the record; any task is visible to its assignee and creator, and to managers and admins. Changed
 * by its assignee, its creator, or a manager or admin.
 */
@Service
@Transactional(readOnly = true)
public class Tasks {

    private static final Instant EARLIEST = Instant.EPOCH;
    private static final Instant LATEST = Instant.parse("9999-01-01T00:00:00Z");

    private final SalesTaskRepository tasks;
    private final LinkedRecords records;
    private final People people;
    private final Workspaces workspaces;
    private final ApplicationEventPublisher events;

    Tasks(
            SalesTaskRepository tasks,
            LinkedRecords records,
            People people,
            Workspaces workspaces,
            ApplicationEventPublisher events) {
        this.tasks = tasks;
        this.records = records;
        this.people = people;
        this.workspaces = workspaces;
        this.events = events;
    }

    @Transactional
    public TaskView add(TaskCmd cmd, Actor by) {
        SalesTask task = new SalesTask(by.id());
        plan(task, cmd, by);
        return changed(tasks.saveAndFlush(task), null, null);
    }

    @Transactional
    public TaskView change(long id, TaskCmd cmd, Long version, Actor by) {
        SalesTask task = changeable(id, by);
        task.checkVersion(version);
        RecordType previousType = task.getRecordType();
        Long previousId = task.getRecordId();
        plan(task, cmd, by);
        return changed(tasks.saveAndFlush(task), previousType, previousId);
    }

    @Transactional
    public TaskView complete(long id, Long version, Actor by) {
        SalesTask task = changeable(id, by);
        task.checkVersion(version);
        task.complete(Instant.now());
        TaskView view = changed(tasks.saveAndFlush(task), task.getRecordType(), task.getRecordId());
        events.publishEvent(new TaskCompleted(
                TenantContext.require(), view.id(), view.recordType(), view.recordId(), view.completedAt()));
        return view;
    }

    @Transactional
    public TaskView reopen(long id, Long version, Actor by) {
        SalesTask task = changeable(id, by);
        task.checkVersion(version);
        task.reopen();
        return changed(tasks.saveAndFlush(task), task.getRecordType(), task.getRecordId());
    }

    public TaskView get(long id, Actor by) {
        return visible(id, by).toView();
    }

    public PageOf<TaskView> ofRecord(RecordType type, long recordId, int page, int size, Actor by) {
        records.require(type, recordId, by);
        return PageOf.of(
                tasks.findByRecordTypeAndRecordIdOrderByDueAtDescIdDesc(
                        type,
                        recordId,
                        PageRequest.of(PageOf.page(page, PageOf.clampSize(size)), PageOf.clampSize(size))),
                SalesTask::toView);
    }

    /** The open tasks of {@code by} in one due bucket, earliest first. */
    public List<TaskView> mine(Due due, Actor by) {
        Instant now = Instant.now();
        Instant tomorrow = startOfTomorrow();
        Instant from = due == Due.OVERDUE ? EARLIEST : due == Due.TODAY ? now : tomorrow;
        Instant to = due == Due.OVERDUE ? now : due == Due.TODAY ? tomorrow : LATEST;
        return tasks.openOf(by.id(), from, to).stream().map(SalesTask::toView).toList();
    }

    /**
     * The records these tasks are about that {@code by} may see, keyed {@code TYPE:id} (see
     * {@link TaskView#recordKey()}); one read per record type, however many tasks.
     */
    public Map<String, RecordRef> recordsOf(Collection<TaskView> views, Actor by) {
        return records.visible(
                views.stream()
                        .filter(v -> v.recordType() != null)
                        .map(v -> new RecordRef(v.recordType(), v.recordId(), null, null, false))
                        .toList(),
                by);
    }

    /** The navigation's count: open tasks of {@code by} due today or overdue. */
    public long dueTodayOrOverdueCount(Actor by) {
        return tasks.countOpenDueBefore(by.id(), startOfTomorrow());
    }

    /** Open tasks of {@code by} due within the next hour, for the in-app reminder. */
    public List<TaskView> dueSoon(Actor by) {
        Instant now = Instant.now();
        return tasks.openOf(by.id(), now, now.plusSeconds(3600)).stream()
                .map(SalesTask::toView)
                .toList();
    }

    /** A record's next step (its earliest open task), or null when it has none. */
    public NextStep nextOpenTask(RecordType type, long recordId) {
        return nextOpenTasks(type, List.of(recordId)).get(recordId);
    }

    /** Next steps of many records at once (board cards); records without an open task are absent. */
    public Map<Long, NextStep> nextOpenTasks(RecordType type, Collection<Long> recordIds) {
        Map<Long, NextStep> next = new LinkedHashMap<>();
        if (recordIds.isEmpty()) {
            return next;
        }
        Instant now = Instant.now();
        for (SalesTask task : tasks.openOfRecords(type, recordIds)) {
            TaskView v = task.toView();
            next.putIfAbsent(
                    v.recordId(),
                    new NextStep(
                            v.recordId(),
                            v.id(),
                            v.title(),
                            v.dueAt(),
                            v.dueAt().isBefore(now)));
        }
        return next;
    }

    /**
     * Makes {@code title} the record's next step: its earliest open task is renamed (due time and assignee kept),
     * or, when it has none, a task for {@code assigneeId} is added, due the next day at 09:00 in the workspace's
     * time zone. Whoever may change the record may word its next step, so the task's own rights are not asked.
     */
    @Transactional
    public NextStep planNextStep(RecordType type, long recordId, String title, long assigneeId, Actor by) {
        records.require(type, recordId, by);
        SalesTask task = tasks.openOfRecords(type, List.of(recordId)).stream()
                .findFirst()
                .orElse(null);
        if (task == null) {
            task = new SalesTask(by.id());
            ZoneId zone = workspaces.current().timeZone();
            Instant due =
                    LocalDate.now(zone).plusDays(1).atTime(9, 0).atZone(zone).toInstant();
            task.plan(title, due, TaskPriority.NORMAL, assigneeId, type, recordId);
        } else {
            TaskView now = task.toView();
            task.plan(title, now.dueAt(), now.priority(), now.assigneeId(), type, recordId);
        }
        changed(tasks.saveAndFlush(task), type, recordId);
        return nextOpenTask(type, recordId);
    }

    private Instant startOfTomorrow() {
        ZoneId zone = workspaces.current().timeZone();
        return LocalDate.now(zone).plusDays(1).atStartOfDay(zone).toInstant();
    }

    private void plan(SalesTask task, TaskCmd cmd, Actor by) {
        if (cmd.recordType() != null) {
            if (cmd.recordId() == null) {
                throw new NotFoundException(cmd.recordType().name().toLowerCase(), "none");
            }
            records.require(cmd.recordType(), cmd.recordId(), by);
        }
        long assignee = cmd.assigneeId() == null
                ? by.id()
                : people.user(cmd.assigneeId()).id();
        task.plan(cmd.title(), cmd.dueAt(), cmd.priority(), assignee, cmd.recordType(), cmd.recordId());
    }

    private SalesTask visible(long id, Actor me) {
        SalesTask task = tasks.findById(id).orElseThrow(() -> new NotFoundException("task", id));
        if (me.seesWholeWorkspace()
                || task.concerns(me.id())
                || (task.getRecordType() != null && records.visible(task.getRecordType(), task.getRecordId(), me))) {
            return task;
        }
        // on a record out of the reader's sight, and neither theirs to do nor made by them: the page says so
        throw records.hiddenRecord(task.getRecordType(), task.getRecordId(), me)
                .<NotFoundException>map(record -> LinkedRecords.hidden("task", id, "activity.hidden.task", record))
                .orElseGet(() -> new NotFoundException("task", id));
    }

    private SalesTask changeable(long id, Actor me) {
        SalesTask task = visible(id, me);
        if (!me.seesWholeWorkspace() && !task.concerns(me.id())) {
            throw new AccessDeniedException("Only the assignee, the creator or a manager changes a task");
        }
        return task;
    }

    private TaskView changed(SalesTask task, RecordType previousType, Long previousId) {
        TaskView view = task.toView();
        events.publishEvent(new TaskChanged(
                TenantContext.require(), view.id(), view.recordType(), view.recordId(), previousType, previousId));
        return view;
    }

    public enum Due {
        OVERDUE,
        TODAY,
        UPCOMING
    }

    /** A task as planned; without an assignee it is the acting person's, without a record it stands alone. */
    public record TaskCmd(
            @NotBlank @Size(max = 200) String title,
            @NotNull Instant dueAt,
            TaskPriority priority,
            Long assigneeId,
            RecordType recordType,
            Long recordId) {}
}
