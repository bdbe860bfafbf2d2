package org.pipelinecrm.account.web;

import jakarta.validation.Valid;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.BuyingRole;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.customfield.FieldForm;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The contact page and the contact form (a person at an account, with their buying role). */
@Controller
class ContactPages {

    private final Accounts accounts;
    private final FieldForm fieldForm;

    ContactPages(Accounts accounts, FieldForm fieldForm) {
        this.accounts = accounts;
        this.fieldForm = fieldForm;
    }

    @GetMapping("/accounts/{accountId}/contacts/new")
    String newContact(
            @PathVariable long accountId, @RequestParam(name = "deal", required = false) Long deal, Model model) {
        accounts.account(accountId);
        model.addAttribute("deal", deal); // added from a deal's page: back to the deal once saved
        model.addAttribute("form", new Accounts.ContactCmd(null, "", null, null, null, null));
        return form(model, accountId, null, 0);
    }

    @PostMapping("/accounts/{accountId}/contacts")
    String create(
            @PathVariable long accountId,
            @Valid @ModelAttribute("form") Accounts.ContactCmd form,
            BindingResult errors,
            @RequestParam(name = "deal", required = false) Long deal,
            Model model) {
        accounts.account(accountId);
        if (errors.hasErrors()) {
            model.addAttribute("deal", deal);
            return form(model, accountId, null, 0);
        }
        long id = accounts.addContact(accountId, form).id();
        return deal == null ? "redirect:/contacts/" + id : "redirect:/opportunities/" + deal;
    }

    @GetMapping("/contacts/{id}")
    String show(@PathVariable long id, Model model) {
        ContactSummary contact = accounts.contact(id);
        model.addAttribute("contact", contact);
        model.addAttribute("account", accounts.account(contact.accountId()));
        fieldForm.show(
                model, RecordKind.CONTACT, contact.customFields(), "/contacts/" + id + "/fields", contact.version());
        return "account/contact";
    }

    /** The contact's custom fields, saved from their section of the page. */
    @PostMapping("/contacts/{id}/fields")
    String saveFields(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        ContactSummary c = accounts.contact(id);
        return fieldForm.save(
                RecordKind.CONTACT,
                form,
                version,
                "/contacts/" + id,
                values -> accounts.changeContact(
                        id,
                        c.accountId(),
                        new Accounts.ContactCmd(
                                c.firstName(), c.lastName(), c.email(), c.phone(), c.title(), c.buyingRole(), values),
                        version,
                        CurrentUser.actor()),
                () -> accounts.contact(id).customFields(),
                request,
                response,
                model,
                flash);
    }

    @GetMapping("/contacts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        ContactSummary c = accounts.contact(id);
        model.addAttribute(
                "form",
                new Accounts.ContactCmd(c.firstName(), c.lastName(), c.email(), c.phone(), c.title(), c.buyingRole()));
        return form(model, c.accountId(), id, c.version());
    }

    @PostMapping("/contacts/{id}")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute("form") Accounts.ContactCmd form,
            BindingResult errors,
            @RequestParam long version,
            Model model) {
        ContactSummary c = accounts.contact(id);
        if (errors.hasErrors()) {
            return form(model, c.accountId(), id, version);
        }
        accounts.changeContact(id, c.accountId(), form, version, CurrentUser.actor());
        return "redirect:/contacts/" + id;
    }

    private String form(Model model, long accountId, Long id, long version) {
        model.addAttribute("account", accounts.account(accountId));
        model.addAttribute("contactId", id);
        model.addAttribute("version", version);
        model.addAttribute("roles", BuyingRole.values());
        return "account/contact-form";
    }
}
