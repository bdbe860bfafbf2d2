package org.pipelinecrm.lead.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Map;
import org.pipelinecrm.customfield.CustomFieldFilter;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.FieldForm;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.lead.DuplicateLeadException;
import org.pipelinecrm.lead.HandoffPolicy;
import org.pipelinecrm.lead.LeadDetails;
import org.pipelinecrm.lead.LeadFilter;
import org.pipelinecrm.lead.LeadStatus;
import org.pipelinecrm.lead.LeadType;
import org.pipelinecrm.lead.LeadView;
import org.pipelinecrm.lead.Leads;
import org.pipelinecrm.lead.UnknownAssigneeException;
import org.pipelinecrm.shared.InvalidInputException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The lead list, the lead page and the create form. */
@Controller
@RequestMapping("/leads")
class LeadPages {

    private static final int PAGE_SIZE = 25;

    private final Leads leads;
    private final People people;
    private final HandoffPolicy policy;
    private final CustomFields customFields;
    private final FieldForm fieldForm;

    LeadPages(Leads leads, People people, HandoffPolicy policy, CustomFields customFields, FieldForm fieldForm) {
        this.customFields = customFields;
        this.fieldForm = fieldForm;
        this.policy = policy;
        this.leads = leads;
        this.people = people;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) LeadType type,
            @RequestParam(required = false) String source,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer minScore,
            @RequestParam(defaultValue = "createdAt") String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam Map<String, String> params,
            Model model,
            HttpServletRequest request) {
        Map<String, String> cf = new java.util.LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(CustomFieldFilter.PREFIX) && value != null && !value.isBlank()) {
                cf.put(name, value.trim());
            }
        });
        CustomFieldFilter fields;
        try {
            fields = customFields.filter(RecordKind.LEAD, cf);
        } catch (InvalidInputException e) {
            // a bookmarked filter may name a field retired since: the list shows every lead
            fields = CustomFieldFilter.none();
            cf.clear();
        }
        model.addAttribute("cfFields", customFields.filterable(RecordKind.LEAD));
        model.addAttribute("cfParams", cf);
        String sortBy = switch (sort) {
            case "score", "lastName", "company" -> sort;
            default -> "createdAt";
        };
        var order = sortBy.equals("lastName") || sortBy.equals("company")
                ? Sort.Order.asc(sortBy)
                : Sort.Order.desc(sortBy);
        var filter = new LeadFilter(status, type, blank(source), null, null, blank(q), minScore, null);
        model.addAttribute(
                "leads",
                leads.list(
                        filter,
                        fields,
                        PageRequest.of(
                                org.pipelinecrm.shared.PageOf.page(page, PAGE_SIZE),
                                PAGE_SIZE,
                                Sort.by(order, Sort.Order.desc("id"))),
                        CurrentUser.actor()));
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sortBy);
        model.addAttribute("statuses", LeadStatus.values());
        model.addAttribute("types", LeadType.values());
        model.addAttribute("userNames", people.userNames());
        // the bulk assign offers whom a lead may be given: a former rep of an imported history takes none
        model.addAttribute(
                "bulkOwners", people.users().stream().filter(u -> !u.former()).toList());
        model.addAttribute("teams", people.teams());
        model.addAttribute("reasons", policy.rules().rejectionReasons());
        return request.getHeader("HX-Request") != null ? "lead/list :: results" : "lead/list";
    }

    @GetMapping("/new")
    String newLead(Model model) {
        model.addAttribute(
                "form",
                new LeadDetails(
                        null,
                        "",
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        LeadType.UNQUALIFIED,
                        null,
                        null,
                        null));
        return form(model);
    }

    @PostMapping
    String create(
            @Valid @ModelAttribute("form") LeadDetails form,
            BindingResult errors,
            @RequestParam(defaultValue = "false") boolean allowDuplicate,
            Model model,
            HttpServletResponse response) {
        if (errors.hasErrors()) {
            return form(model);
        }
        try {
            return "redirect:/leads/"
                    + leads.create(form, allowDuplicate, CurrentUser.actor()).id();
        } catch (DuplicateLeadException e) {
            model.addAttribute("duplicateId", e.existingId());
            return form(model);
        } catch (UnknownAssigneeException e) {
            errors.rejectValue(e.field(), e.messageKey());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(model);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        LeadView lead = leads.get(id, CurrentUser.actor());
        model.addAttribute("lead", lead);
        fieldForm.show(model, RecordKind.LEAD, lead.customFields(), "/leads/" + id + "/fields", lead.version());
        model.addAttribute("userNames", people.userNames());
        model.addAttribute("users", people.users());
        model.addAttribute("teams", people.teams());
        model.addAttribute(
                "teamNames",
                people.teams().stream().collect(java.util.stream.Collectors.toMap(t -> t.id(), t -> t.name())));
        model.addAttribute("reasons", policy.rules().rejectionReasons());
        return "lead/show";
    }

    /** The lead's custom fields, saved from their section of the page. */
    @PostMapping("/{id}/fields")
    String saveFields(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        return fieldForm.save(
                RecordKind.LEAD,
                form,
                version,
                "/leads/" + id,
                values -> leads.change(
                        id,
                        new LeadDetails(
                                        null, null, null, null, null, null, null, null, null, null, null, null, null,
                                        null, null)
                                .withCustomFields(values),
                        version,
                        CurrentUser.actor()),
                () -> leads.find(id, CurrentUser.actor()).customFields(),
                request,
                response,
                model,
                flash);
    }

    @PostMapping("/{id}/work")
    String work(@PathVariable long id, @RequestParam long version) {
        leads.startWorking(id, version, CurrentUser.actor());
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/handoff")
    String handOff(
            @PathVariable long id,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String note,
            @RequestParam long version,
            Model model,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            leads.handOff(id, teamId, null, note, version, CurrentUser.actor());
        } catch (UnknownAssigneeException e) {
            model.addAttribute("assigneeError", e.messageKey());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(id, model);
        }
        flash.addFlashAttribute("toast", "lead.handoff.toast");
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/accept")
    String accept(@PathVariable long id, @RequestParam long version) {
        leads.accept(id, version, CurrentUser.actor());
        return "redirect:/leads/" + id;
    }

    @PostMapping("/{id}/reject")
    String reject(
            @PathVariable long id,
            @RequestParam String reason,
            @RequestParam(required = false) String note,
            @RequestParam long version) {
        leads.reject(id, reason, note, version, CurrentUser.actor());
        // A rejected lead goes back to marketing, out of the rep's sight: back to the inbox.
        return "redirect:/leads/inbox";
    }

    @PostMapping("/{id}/disqualify")
    String disqualify(
            @PathVariable long id,
            @RequestParam String reason,
            @RequestParam(required = false) String note,
            @RequestParam long version) {
        leads.disqualify(id, reason, note, version, CurrentUser.actor());
        return "redirect:/leads/" + id;
    }

    private String form(Model model) {
        model.addAttribute("types", LeadType.values());
        model.addAttribute("teams", people.teams());
        return "lead/form";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
