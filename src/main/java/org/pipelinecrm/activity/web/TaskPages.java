package org.pipelinecrm.activity.web;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.pipelinecrm.activity.TaskView;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.activity.Tasks.Due;
import org.pipelinecrm.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * My tasks (overdue, today, upcoming; each earliest first), the navigation count and the due-soon reminder.
 * Each task names and links the record it is about, read for the whole page at once.
 */
@Controller
class TaskPages {

    private final Tasks tasks;

    TaskPages(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks")
    String mine(Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        List<TaskView> overdue = tasks.mine(Due.OVERDUE, CurrentUser.actor());
        List<TaskView> today = tasks.mine(Due.TODAY, CurrentUser.actor());
        List<TaskView> upcoming = tasks.mine(Due.UPCOMING, CurrentUser.actor());
        model.addAttribute("overdue", overdue);
        model.addAttribute("today", today);
        model.addAttribute("upcoming", upcoming);
        model.addAttribute(
                "records",
                tasks.recordsOf(
                        Stream.of(overdue, today, upcoming)
                                .flatMap(List::stream)
                                .toList(),
                        CurrentUser.actor()));
        model.addAttribute("now", Instant.now());
        return htmx != null ? "activity/tasks :: lists" : "activity/tasks";
    }

    @GetMapping("/tasks/count")
    String count(Model model) {
        model.addAttribute("count", tasks.dueTodayOrOverdueCount(CurrentUser.actor()));
        return "activity/reminders :: count";
    }

    @GetMapping("/tasks/reminders")
    String reminders(Model model) {
        List<TaskView> dueSoon = tasks.dueSoon(CurrentUser.actor());
        model.addAttribute("dueSoon", dueSoon);
        model.addAttribute("records", tasks.recordsOf(dueSoon, CurrentUser.actor()));
        // the banner stays dismissed until a task due later than all of these comes into the hour
        model.addAttribute(
                "latestDue",
                dueSoon.stream()
                        .map(TaskView::dueAt)
                        .max(Instant::compareTo)
                        .map(Instant::toEpochMilli)
                        .orElse(0L));
        return "activity/reminders :: reminders";
    }

    /** From My tasks (htmx): answers the task's row, now done with a way back, and a toast; elsewhere a redirect. */
    @PostMapping("/tasks/{id}/complete")
    String complete(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            @RequestParam(required = false) String returnTo,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        TaskView task = tasks.complete(id, version, CurrentUser.actor());
        return htmx != null
                ? row(task, "task.completed", model)
                : "redirect:" + LocalTimes.safeReturn(returnTo, "/tasks");
    }

    @PostMapping("/tasks/{id}/reopen")
    String reopen(
            @PathVariable long id,
            @RequestParam(required = false) Long version,
            Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        TaskView task = tasks.reopen(id, version, CurrentUser.actor());
        return htmx != null ? row(task, "task.reopened", model) : "redirect:/tasks";
    }

    private String row(TaskView task, String toast, Model model) {
        model.addAttribute("t", task);
        model.addAttribute("records", tasks.recordsOf(List.of(task), CurrentUser.actor()));
        model.addAttribute("now", Instant.now());
        model.addAttribute("rowToast", toast);
        model.addAttribute("count", tasks.dueTodayOrOverdueCount(CurrentUser.actor()));
        return "activity/tasks :: changed";
    }
}
