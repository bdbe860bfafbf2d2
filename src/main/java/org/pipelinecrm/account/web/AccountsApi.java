package org.pipelinecrm.account.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.Map;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.shared.PageOf;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
    PageOf<AccountSummary> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return accounts.list(page, size);
    }

    /** A likely duplicate (same normalised name or web domain) answers 409 with its id, unless allowed. */
    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    AccountSummary create(
            @Valid @RequestBody Accounts.AccountCmd cmd, @RequestParam(defaultValue = "false") boolean allowDuplicate) {
        // the API always speaks custom fields: a body without them is held to the required ones
        return accounts.create(cmd.customFields() == null ? cmd.withCustomFields(Map.of()) : cmd, allowDuplicate);
    }

    /** All fields as in create, plus the version the caller last saw. */
    record AccountUpdate(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String domain,
            @Size(max = 80) String industry,
            @Size(max = 40) String size,
            @DecimalMin("0") BigDecimal annualRevenue,
            @Size(max = 80) String country,
            @NotNull Long version,
            Map<String, Object> customFields) {}

    @PutMapping("/accounts/{id}")
    AccountSummary change(@PathVariable long id, @Valid @RequestBody AccountUpdate u) {
        return accounts.change(
                id,
                new Accounts.AccountCmd(
                        u.name(), u.domain(), u.industry(), u.size(), u.annualRevenue(), u.country(), u.customFields()),
                u.version(),
                CurrentUser.actor());
    }

    @GetMapping("/accounts/{id}")
    AccountSummary account(@PathVariable long id) {
        return accounts.account(id);
    }

    @PostMapping("/accounts/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ContactSummary addContact(@PathVariable long id, @Valid @RequestBody Accounts.ContactCmd cmd) {
        return accounts.addContact(id, cmd.customFields() == null ? cmd.withCustomFields(Map.of()) : cmd);
    }

    @GetMapping("/contacts/{id}")
    ContactSummary contact(@PathVariable long id) {
        return accounts.contact(id);
    }
}
