package org.pipelinecrm.account.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import org.pipelinecrm.account.AccountDeal;
import org.pipelinecrm.account.AccountDeals;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.DuplicateAccountException;
import org.pipelinecrm.customfield.FieldForm;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The account page (contacts, open and closed deals, won total, timeline) and the account form. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final ObjectProvider<AccountDeals> deals;
    private final FieldForm fieldForm;

    AccountPages(Accounts accounts, ObjectProvider<AccountDeals> deals, FieldForm fieldForm) {
        this.accounts = accounts;
        this.deals = deals;
        this.fieldForm = fieldForm;
    }

    @GetMapping("/accounts/new")
    String newAccount(Model model) {
        model.addAttribute("form", new Accounts.AccountCmd("", null, null, null, null, null));
        return form(model, null, 0);
    }

    @PostMapping("/accounts")
    String create(
            @Valid @ModelAttribute("form") Accounts.AccountCmd form,
            BindingResult errors,
            @RequestParam(defaultValue = "false") boolean allowDuplicate,
            Model model) {
        if (errors.hasErrors()) {
            return form(model, null, 0);
        }
        try {
            return "redirect:/accounts/" + accounts.create(form, allowDuplicate).id();
        } catch (DuplicateAccountException e) {
            model.addAttribute("duplicate", e.existing());
            return form(model, null, 0);
        }
    }

    @GetMapping("/accounts/{id}")
    String show(@PathVariable long id, Model model) {
        AccountSummary account = accounts.account(id);
        List<AccountDeal> all =
                deals.stream().flatMap(d -> d.dealsOf(id).stream()).toList();
        model.addAttribute("account", account);
        fieldForm.show(
                model, RecordKind.ACCOUNT, account.customFields(), "/accounts/" + id + "/fields", account.version());
        model.addAttribute("contacts", accounts.contactsOf(id));
        model.addAttribute("openDeals", all.stream().filter(AccountDeal::open).toList());
        model.addAttribute("closedDeals", all.stream().filter(d -> !d.open()).toList());
        model.addAttribute(
                "wonTotal",
                all.stream()
                        .filter(AccountDeal::won)
                        .map(AccountDeal::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        return "account/show";
    }

    /** The account's custom fields, saved from their section of the page. */
    @PostMapping("/accounts/{id}/fields")
    String saveFields(
            @PathVariable long id,
            @RequestParam long version,
            @RequestParam org.springframework.util.MultiValueMap<String, String> form,
            jakarta.servlet.http.HttpServletRequest request,
            jakarta.servlet.http.HttpServletResponse response,
            Model model,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        return fieldForm.save(
                RecordKind.ACCOUNT,
                form,
                version,
                "/accounts/" + id,
                values -> {
                    AccountSummary a = accounts.account(id);
                    return accounts.change(
                            id,
                            new Accounts.AccountCmd(
                                    a.name(),
                                    a.domain(),
                                    a.industry(),
                                    a.size(),
                                    a.annualRevenue(),
                                    a.country(),
                                    values),
                            version,
                            CurrentUser.actor());
                },
                () -> accounts.account(id).customFields(),
                request,
                response,
                model,
                flash);
    }

    @GetMapping("/accounts/{id}/edit")
    String edit(@PathVariable long id, Model model) {
        AccountSummary a = accounts.account(id);
        model.addAttribute(
                "form",
                new Accounts.AccountCmd(a.name(), a.domain(), a.industry(), a.size(), a.annualRevenue(), a.country()));
        return form(model, id, a.version());
    }

    @PostMapping("/accounts/{id}")
    String change(
            @PathVariable long id,
            @Valid @ModelAttribute("form") Accounts.AccountCmd form,
            BindingResult errors,
            @RequestParam long version,
            Model model) {
        accounts.account(id);
        if (errors.hasErrors()) {
            return form(model, id, version);
        }
        accounts.change(id, form, version, CurrentUser.actor());
        return "redirect:/accounts/" + id;
    }

    private String form(Model model, Long id, long version) {
        model.addAttribute("accountId", id);
        model.addAttribute("version", version);
        return "account/form";
    }
}
