package org.pipelinecrm.activity.web;

import java.time.Instant;

import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.activity.Tasks.Due;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** My tasks (overdue, today, upcoming), the navigation count and the due-soon reminder. */
@Controller
class TaskPages {

    private final Tasks tasks;

    TaskPages(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping("/tasks")
    String mine(Model model, @RequestHeader(name = "HX-Request", required = false) String htmx) {
        model.addAttribute("overdue", tasks.mine(Due.OVERDUE));
        model.addAttribute("today", tasks.mine(Due.TODAY));
        model.addAttribute("upcoming", tasks.mine(Due.UPCOMING));
        model.addAttribute("now", Instant.now());
        return htmx != null ? "activity/tasks :: lists" : "activity/tasks";
    }

    @GetMapping("/tasks/count")
    String count(Model model) {
        model.addAttribute("count", tasks.dueTodayOrOverdueCount());
        return "activity/reminders :: count";
    }

    @GetMapping("/tasks/reminders")
    String reminders(Model model) {
        model.addAttribute("dueSoon", tasks.dueSoon());
        return "activity/reminders :: reminders";
    }

    /** From the My tasks list (htmx): answers the refreshed lists, where a completed task is gone. */
    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable long id, @RequestParam(required = false) Long version,
            @RequestParam(required = false) String returnTo, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        tasks.complete(id, version);
        return htmx != null ? mine(model, htmx) : "redirect:" + LocalTimes.safeReturn(returnTo, "/tasks");
    }

    @PostMapping("/tasks/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) Long version, Model model,
            @RequestHeader(name = "HX-Request", required = false) String htmx) {
        tasks.reopen(id, version);
        return htmx != null ? mine(model, htmx) : "redirect:/tasks";
    }
}
