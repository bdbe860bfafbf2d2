package org.pipelinecrm.activity.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Timeline;
import org.pipelinecrm.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The timeline partial any record page loads with htmx: {@code /timeline?recordType=&recordId=&kind=&page=}. */
@Controller
class TimelineController {

    private static final List<String> OWN = List.of("CALL", "MEETING", "EMAIL", "NOTE", "TASK");
    /** The filters each record's timeline offers: what this module logs, and what the owning module adds. */
    static final Map<RecordType, List<String>> KINDS = Map.of(
            RecordType.OPPORTUNITY,
            concat(OWN, "STAGE_CHANGE", "EDIT"),
            RecordType.LEAD,
            concat(OWN, "STATUS_CHANGE", "SCORE_CHANGE", "HANDOFF", "EVENT", "IMPORT", "EDIT"),
            RecordType.ACCOUNT,
            OWN,
            RecordType.CONTACT,
            OWN);

    private final Timeline timeline;

    TimelineController(Timeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/timeline")
    String timeline(
            @RequestParam RecordType recordType,
            @RequestParam long recordId,
            @RequestParam(required = false) String kind,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("timeline", timeline.of(recordType, recordId, kind, page, CurrentUser.actor()));
        model.addAttribute("kind", kind == null ? "" : kind);
        model.addAttribute("kinds", KINDS.get(recordType));
        return "activity/timeline :: entries";
    }

    private static List<String> concat(List<String> own, String... more) {
        return Stream.concat(own.stream(), Stream.of(more)).toList();
    }
}
