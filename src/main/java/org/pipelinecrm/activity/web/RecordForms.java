package org.pipelinecrm.activity.web;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Locale;
import org.pipelinecrm.activity.Activities;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.Direction;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.TaskPriority;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The "log a call/meeting/e-mail/note" and "add task" forms of {@code activity/record-forms}. They post
 * with htmx and answer the record's refreshed timeline; times are typed in the workspace's time zone.
 */
@Controller
class RecordForms {

    private final Activities activities;
    private final Tasks tasks;
    private final Workspaces workspaces;
    private final TimelineController timeline;

    RecordForms(Activities activities, Tasks tasks, Workspaces workspaces, TimelineController timeline) {
        this.activities = activities;
        this.tasks = tasks;
        this.workspaces = workspaces;
        this.timeline = timeline;
    }

    @PostMapping("/activities")
    String log(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam ActivityKind kind,
            @RequestParam String subject,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) Direction direction,
            @RequestParam(required = false) String occurredAt,
            @RequestParam(required = false) Integer durationMinutes,
            @RequestParam(required = false) String outcome,
            Model model) {
        require(subject);
        activities.log(
                new LogActivityCmd(
                        kind,
                        recordType,
                        recordId,
                        new ActivityDetails(
                                subject,
                                StringUtils.hasText(body) ? body : null,
                                direction,
                                instant(occurredAt),
                                durationMinutes,
                                StringUtils.hasText(outcome) ? outcome : null,
                                null,
                                null)),
                CurrentUser.actor());
        return timeline.timeline(recordType, recordId, null, 0, model);
    }

    @PostMapping("/tasks")
    String addTask(
            @RequestParam(required = false) RecordType recordType,
            @RequestParam(required = false) Long recordId,
            @RequestParam String title,
            @RequestParam String dueAt,
            @RequestParam(defaultValue = "NORMAL") TaskPriority priority,
            Model model,
            RedirectAttributes redirect) {
        require(title);
        Instant due = instant(dueAt);
        if (due == null) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "dueAt", "problem.field.required", "A task needs a due time");
        }
        tasks.add(new TaskCmd(title, due, priority, null, recordType, recordId), CurrentUser.actor());
        if (recordType == null) {
            redirect.addFlashAttribute("toast", "task.added");
            return "redirect:/tasks";
        }
        return timeline.timeline(recordType, recordId, null, 0, model);
    }

    private static void require(String text) {
        if (!StringUtils.hasText(text) || text.length() > 200) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "title", "problem.field.title", "Give a title of at most 200 characters");
        }
    }

    /** A {@code datetime-local} value, read in the workspace's time zone. */
    private Instant instant(String local) {
        if (!StringUtils.hasText(local)) {
            return null;
        }
        return LocalDateTime.parse(local.trim().toUpperCase(Locale.ROOT))
                .atZone(workspaces.current().timeZone())
                .toInstant();
    }
}
