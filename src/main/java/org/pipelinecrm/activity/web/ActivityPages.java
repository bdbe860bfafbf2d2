package org.pipelinecrm.activity.web;

import jakarta.validation.Valid;
import java.time.Instant;
import java.time.ZoneId;
import org.pipelinecrm.activity.Activities;
import org.pipelinecrm.activity.Activities.ActivityDetails;
import org.pipelinecrm.activity.Activities.LogActivityCmd;
import org.pipelinecrm.activity.ActivityKind;
import org.pipelinecrm.activity.ActivityView;
import org.pipelinecrm.activity.RecordRef;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.activity.Tasks.TaskCmd;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Small pages that log an activity or add a task to one record, reached from a board card's menu, and
 * the page where an author edits an activity. Each goes back where it came from.
 */
@Controller
class ActivityPages {

    private final Activities activities;
    private final Tasks tasks;
    private final Workspaces workspaces;

    ActivityPages(Activities activities, Tasks tasks, Workspaces workspaces) {
        this.activities = activities;
        this.tasks = tasks;
        this.workspaces = workspaces;
    }

    @GetMapping("/activities/new")
    String logForm(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam(required = false) String returnTo,
            Model model) {
        model.addAttribute("form", new ActivityForm(ActivityKind.CALL, "", null, null, null, null, null, null));
        return logPage(activities.record(recordType, recordId, CurrentUser.actor()), returnTo, model);
    }

    @PostMapping("/activities/new")
    String log(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam(required = false) String returnTo,
            @Valid @ModelAttribute("form") ActivityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        RecordRef record = activities.record(recordType, recordId, CurrentUser.actor());
        Instant at = time(form.occurredAt(), "occurredAt", errors);
        if (errors.hasErrors()) {
            return logPage(record, returnTo, model);
        }
        activities.log(
                new LogActivityCmd(form.kind(), recordType, recordId, details(form, at, null)), CurrentUser.actor());
        flash.addFlashAttribute("saved", "activity.logged");
        return "redirect:" + LocalTimes.safeReturn(returnTo, record.link());
    }

    @GetMapping("/tasks/new")
    String taskForm(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam(required = false) String returnTo,
            Model model) {
        model.addAttribute("form", new TaskForm("", "", null));
        return taskPage(activities.record(recordType, recordId, CurrentUser.actor()), returnTo, model);
    }

    @PostMapping("/tasks/new")
    String addTask(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam(required = false) String returnTo,
            @Valid @ModelAttribute("form") TaskForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        RecordRef record = activities.record(recordType, recordId, CurrentUser.actor());
        Instant due = time(form.dueAt(), "dueAt", errors);
        if (errors.hasErrors()) {
            return taskPage(record, returnTo, model);
        }
        tasks.add(new TaskCmd(form.title(), due, form.priority(), null, recordType, recordId), CurrentUser.actor());
        flash.addFlashAttribute("saved", "task.added");
        return "redirect:" + LocalTimes.safeReturn(returnTo, record.link());
    }

    @GetMapping("/activities/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        ActivityView a = activities.editable(id, CurrentUser.actor());
        model.addAttribute(
                "form",
                new ActivityForm(
                        a.kind(),
                        a.subject(),
                        a.body(),
                        a.direction(),
                        LocalTimes.format(a.occurredAt(), zone()),
                        a.durationMinutes(),
                        a.outcome(),
                        a.version()));
        return editPage(a, model);
    }

    @PostMapping("/activities/{id}/edit")
    String edit(
            @PathVariable long id,
            @Valid @ModelAttribute("form") ActivityForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes flash) {
        ActivityView a = activities.editable(id, CurrentUser.actor());
        Instant at = time(form.occurredAt(), "occurredAt", errors);
        if (form.version() == null) {
            errors.reject("activity.stale");
        }
        if (errors.hasErrors()) {
            return editPage(a, model);
        }
        try {
            activities.change(id, details(form, at, a), form.version(), CurrentUser.actor());
        } catch (ObjectOptimisticLockingFailureException e) {
            errors.reject("activity.stale");
            return editPage(activities.get(id, CurrentUser.actor()), model);
        }
        flash.addFlashAttribute("saved", "activity.saved");
        return "redirect:"
                + activities
                        .record(a.recordType(), a.recordId(), CurrentUser.actor())
                        .link();
    }

    private String logPage(RecordRef record, String returnTo, Model model) {
        model.addAttribute("record", record);
        model.addAttribute("returnTo", LocalTimes.safeReturn(returnTo, record.link()));
        return "activity/log";
    }

    private String taskPage(RecordRef record, String returnTo, Model model) {
        model.addAttribute("record", record);
        model.addAttribute("returnTo", LocalTimes.safeReturn(returnTo, record.link()));
        return "activity/task-new";
    }

    private String editPage(ActivityView activity, Model model) {
        model.addAttribute("activity", activity);
        model.addAttribute(
                "record", activities.record(activity.recordType(), activity.recordId(), CurrentUser.actor()));
        return "activity/edit";
    }

    private Instant time(String local, String field, BindingResult errors) {
        try {
            return LocalTimes.parse(local, zone());
        } catch (IllegalArgumentException e) {
            errors.rejectValue(field, "activity.badTime");
            return null;
        }
    }

    /** The form's fields; participants are not on the form, so an edit keeps those of {@code before}. */
    private static ActivityDetails details(ActivityForm form, Instant at, ActivityView before) {
        return new ActivityDetails(
                form.subject(),
                StringUtils.hasText(form.body()) ? form.body() : null,
                form.direction(),
                at,
                form.durationMinutes(),
                StringUtils.hasText(form.outcome()) ? form.outcome() : null,
                before == null ? null : before.participantUserIds(),
                before == null ? null : before.participantContactIds());
    }

    private ZoneId zone() {
        return workspaces.current().timeZone();
    }
}
