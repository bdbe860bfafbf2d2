package org.pipelinecrm.activity.web;

import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Timeline;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The timeline partial any record page loads with htmx: {@code /timeline?recordType=&recordId=&kind=&page=}. */
@Controller
class TimelineController {

    static final String[] KINDS = {"CALL", "MEETING", "EMAIL", "NOTE", "TASK"};

    private final Timeline timeline;

    TimelineController(Timeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/timeline")
    String timeline(@RequestParam RecordType recordType, @RequestParam long recordId,
            @RequestParam(required = false) String kind, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("timeline", timeline.of(recordType, recordId, kind, page));
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("kinds", KINDS);
        return "activity/timeline :: entries";
    }
}
