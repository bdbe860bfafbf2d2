package org.pipelinecrm.account.web;

import jakarta.validation.Valid;
import java.math.BigDecimal;
import java.util.List;
import org.pipelinecrm.account.AccountDeal;
import org.pipelinecrm.account.AccountDeals;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.DuplicateAccountException;
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

    AccountPages(Accounts accounts, ObjectProvider<AccountDeals> deals) {
        this.accounts = accounts;
        this.deals = deals;
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
        accounts.change(id, form, version);
        return "redirect:/accounts/" + id;
    }

    private String form(Model model, Long id, long version) {
        model.addAttribute("accountId", id);
        model.addAttribute("version", version);
        return "account/form";
    }
}
