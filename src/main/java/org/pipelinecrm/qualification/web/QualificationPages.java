package org.pipelinecrm.qualification.web;

import jakarta.servlet.http.HttpServletRequest;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.qualification.GuidingQuestions;
import org.pipelinecrm.qualification.QualificationCmd;
import org.pipelinecrm.qualification.QualificationView;
import org.pipelinecrm.qualification.Qualifications;
import org.pipelinecrm.qualification.Topic;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The scorecard panel of the lead page (loaded and saved with htmx), nurture and re-open. */
@Controller
class QualificationPages {

    private final Qualifications qualifications;
    private final GuidingQuestions questions;
    private final Leads leads;
    private final jakarta.validation.Validator validator;

    QualificationPages(
            Qualifications qualifications,
            GuidingQuestions questions,
            Leads leads,
            jakarta.validation.Validator validator) {
        this.qualifications = qualifications;
        this.questions = questions;
        this.leads = leads;
        this.validator = validator;
    }

    @GetMapping("/leads/{id}/qualification")
    String panel(@PathVariable long id, Model model) {
        return card(leads.find(id, CurrentUser.actor()), qualifications.of(id, CurrentUser.actor()), model);
    }

    @PostMapping("/leads/{id}/qualification")
    String save(
            @PathVariable long id,
            @ModelAttribute ScorecardForm form,
            BindingResult binding,
            Model model,
            HttpServletRequest request) {
        LeadView lead = leads.find(id, CurrentUser.actor());
        QualificationCmd cmd = form.toCmd();
        new SpringValidatorAdapter(validator).validate(cmd, binding);
        QualificationView card;
        if (binding.hasErrors()) {
            model.addAttribute("invalid", true);
            card = qualifications.of(id, CurrentUser.actor());
        } else {
            try {
                card = qualifications.answer(id, cmd, CurrentUser.actor());
            } catch (OptimisticLockingFailureException e) {
                // someone saved in between: show their answers instead of overwriting them
                model.addAttribute("stale", true);
                card = qualifications.of(id, CurrentUser.actor());
            }
        }
        if (request.getHeader("HX-Request") == null) {
            return "redirect:/leads/" + id;
        }
        return card(leads.find(lead.id(), CurrentUser.actor()), card, model);
    }

    @PostMapping("/leads/{id}/qualification/nurture")
    String nurture(@PathVariable long id) {
        qualifications.nurture(id, CurrentUser.actor());
        return "redirect:/leads/" + id;
    }

    @PostMapping("/leads/{id}/reopen")
    String reopen(@PathVariable long id, @RequestParam(required = false) Long version) {
        leads.reopen(id, version, CurrentUser.actor());
        return "redirect:/leads/" + id;
    }

    private String card(LeadView lead, QualificationView card, Model model) {
        model.addAttribute("lead", lead);
        model.addAttribute("card", card);
        model.addAttribute("topics", Topic.values());
        model.addAttribute("questions", questions.forLocale(LocaleContextHolder.getLocale()));
        return "qualification/scorecard :: card";
    }
}
