package org.pipelinecrm.account.web;

import jakarta.validation.Valid;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Accounts and contacts in the public API. */
@RestController
@RequestMapping("/api/v1")
class AccountsApi {

    private final Accounts accounts;

    AccountsApi(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts")
    PageOf<AccountSummary> list(@RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return accounts.list(page, size);
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountSummary create(@Valid @RequestBody Accounts.AccountCmd cmd) {
        return accounts.create(cmd);
    }

    @GetMapping("/accounts/{id}")
    AccountSummary account(@PathVariable long id) {
        return accounts.account(id);
    }

    @PostMapping("/accounts/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ContactSummary addContact(@PathVariable long id, @Valid @RequestBody Accounts.ContactCmd cmd) {
        return accounts.addContact(id, cmd);
    }

    @GetMapping("/contacts/{id}")
    ContactSummary contact(@PathVariable long id) {
        return accounts.contact(id);
    }
}
