package org.pipelinecrm.activity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskPriority;
import org.pipelinecrm.activity.TaskView;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tasks in the public API. */
@RestController
@RequestMapping("/api/v1/tasks")
class TaskApi {

    private final Tasks tasks;

    TaskApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TaskView add(@Valid @RequestBody TaskCmd cmd) {
        return tasks.add(cmd, CurrentUser.actor());
    }

    /** Either a record's tasks ({@code recordType} and {@code recordId}) or {@code mine=true} with a {@code due} bucket. */
    @GetMapping
    PageOf<TaskView> list(
            @RequestParam(required = false) RecordType recordType,
            @RequestParam(required = false) Long recordId,
            @RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) String due,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        if (recordType != null && recordId != null) {
            return tasks.ofRecord(recordType, recordId, page, size, CurrentUser.actor());
        }
        if (!mine) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "recordType", "problem.field.record-or-mine", "Give recordType and recordId, or mine=true");
        }
        List<TaskView> found = due == null
                ? java.util.stream.Stream.of(Tasks.Due.values())
                        .flatMap(d -> tasks.mine(d, CurrentUser.actor()).stream())
                        .toList()
                : tasks.mine(bucket(due), CurrentUser.actor());
        return new PageOf<>(found, 0, found.size(), found.size());
    }

    @GetMapping("/{id}")
    TaskView get(@PathVariable long id) {
        return tasks.get(id, CurrentUser.actor());
    }

    @PatchMapping("/{id}")
    TaskView change(@PathVariable long id, @Valid @RequestBody TaskChange body) {
        TaskView now = tasks.get(id, CurrentUser.actor());
        boolean relinked = body.recordType() != null;
        return tasks.change(
                id,
                new TaskCmd(
                        body.title() != null ? body.title() : now.title(),
                        body.dueAt() != null ? body.dueAt() : now.dueAt(),
                        body.priority() != null ? body.priority() : now.priority(),
                        body.assigneeId() != null ? body.assigneeId() : now.assigneeId(),
                        relinked ? body.recordType() : now.recordType(),
                        relinked ? body.recordId() : now.recordId()),
                body.version(),
                CurrentUser.actor());
    }

    @PostMapping("/{id}/complete")
    TaskView complete(@PathVariable long id, @RequestBody(required = false) VersionOnly body) {
        return tasks.complete(id, body == null ? null : body.version(), CurrentUser.actor());
    }

    @PostMapping("/{id}/reopen")
    TaskView reopen(@PathVariable long id, @RequestBody(required = false) VersionOnly body) {
        return tasks.reopen(id, body == null ? null : body.version(), CurrentUser.actor());
    }

    private static Tasks.Due bucket(String due) {
        try {
            return Tasks.Due.valueOf(due.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "due", "problem.field.one-of", "due is overdue, today or upcoming", "overdue, today, upcoming");
        }
    }

    record TaskChange(
            @Size(min = 1, max = 200) String title,
            Instant dueAt,
            TaskPriority priority,
            Long assigneeId,
            RecordType recordType,
            Long recordId,
            @NotNull Long version) {}

    /** Completing or reopening may name the version seen, to refuse acting on a stale view. */
    record VersionOnly(Long version) {}
}
