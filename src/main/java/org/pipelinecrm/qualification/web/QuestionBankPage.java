package org.pipelinecrm.qualification.web;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.qualification.GuidingQuestions;
import org.pipelinecrm.qualification.Topic;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Admins edit the guiding questions of their workspace: one text box per language and topic, a question a line. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class QuestionBankPage {

    private final GuidingQuestions questions;

    QuestionBankPage(GuidingQuestions questions) {
        this.questions = questions;
    }

    @GetMapping("/settings/questions")
    String page(@RequestParam(required = false) String saved, Model model) {
        Map<String, Map<Topic, String>> text = new LinkedHashMap<>();
        var all = questions.all();
        for (String language : GuidingQuestions.LANGUAGES) {
            Map<Topic, String> byTopic = new EnumMap<>(Topic.class);
            for (Topic t : Topic.values()) {
                byTopic.put(
                        t,
                        String.join("\n", all.getOrDefault(language, Map.of()).getOrDefault(t, List.of())));
            }
            text.put(language, byTopic);
        }
        model.addAttribute("text", text);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("version", questions.version());
        model.addAttribute("saved", saved != null);
        return "qualification/questions";
    }

    @PostMapping("/settings/questions")
    String save(@RequestParam Map<String, String> form, @RequestParam(required = false) Long version) {
        Map<String, Map<Topic, List<String>>> bank = new LinkedHashMap<>();
        for (String language : GuidingQuestions.LANGUAGES) {
            Map<Topic, List<String>> byTopic = new EnumMap<>(Topic.class);
            for (Topic t : Topic.values()) {
                String lines = form.getOrDefault("q_" + language + "_" + t, "");
                byTopic.put(t, Arrays.asList(lines.split("\\R")));
            }
            bank.put(language, byTopic);
        }
        questions.replace(bank, version, CurrentUser.actor());
        return "redirect:/settings/questions?saved";
    }
}
