package org.pipelinecrm.account.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.pipelinecrm.account.AccountSummary;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.account.ContactSummary;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.shared.InvalidInputException;
import org.pipelinecrm.shared.web.FieldEdits;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.BindException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One field of an account or a contact typed on its page (inline editing), checked as their forms check them. */
@RestController
class AccountFields {

    private final Accounts accounts;
    private final People people;
    private final FieldEdits edits;
    private final Formats formats;
    private final Workspaces workspaces;

    AccountFields(Accounts accounts, People people, FieldEdits edits, Formats formats, Workspaces workspaces) {
        this.accounts = accounts;
        this.people = people;
        this.edits = edits;
        this.formats = formats;
        this.workspaces = workspaces;
    }

    @PostMapping("/accounts/{id}/field")
    ResponseEntity<?> account(
            @PathVariable long id, @RequestParam String field, @RequestParam String value, @RequestParam long version)
            throws BindException {
        AccountSummary a = accounts.account(id);
        String t = value.strip();
        Accounts.AccountCmd cmd = switch (field) {
            case "name" ->
                new Accounts.AccountCmd(t, a.domain(), a.industry(), a.size(), a.annualRevenue(), a.country());
            case "domain" ->
                new Accounts.AccountCmd(a.name(), t, a.industry(), a.size(), a.annualRevenue(), a.country());
            case "industry" ->
                new Accounts.AccountCmd(a.name(), a.domain(), t, a.size(), a.annualRevenue(), a.country());
            case "size" ->
                new Accounts.AccountCmd(a.name(), a.domain(), a.industry(), t, a.annualRevenue(), a.country());
            case "annualRevenue" ->
                new Accounts.AccountCmd(
                        a.name(), a.domain(), a.industry(), a.size(), FieldEdits.decimal(field, t), a.country());
            case "country" ->
                new Accounts.AccountCmd(a.name(), a.domain(), a.industry(), a.size(), a.annualRevenue(), t);
            default -> throw new InvalidInputException("field", "problem.field.invalid-value", "No such field");
        };
        edits.validate(cmd, "account");
        return edits.answer(
                () -> {
                    AccountSummary saved = accounts.change(id, cmd, version, CurrentUser.actor());
                    String raw = switch (field) {
                        case "name" -> saved.name();
                        case "domain" -> saved.domain();
                        case "industry" -> saved.industry();
                        case "size" -> saved.size();
                        case "annualRevenue" ->
                            saved.annualRevenue() == null
                                    ? null
                                    : saved.annualRevenue().toPlainString();
                        default -> saved.country();
                    };
                    String display = field.equals("annualRevenue") && saved.annualRevenue() != null
                            ? formats.money(
                                    saved.annualRevenue(),
                                    workspaces.current().currency().name())
                            : raw;
                    return new FieldEdits.Saved(field, raw, display, saved.version());
                },
                () -> changer(accounts.lastChange(id)),
                workspaces.current().timeZone());
    }

    @PostMapping("/contacts/{id}/field")
    ResponseEntity<?> contact(
            @PathVariable long id, @RequestParam String field, @RequestParam String value, @RequestParam long version)
            throws BindException {
        ContactSummary c = accounts.contact(id);
        String t = value.strip();
        Accounts.ContactCmd cmd = switch (field) {
            case "firstName" ->
                new Accounts.ContactCmd(t, c.lastName(), c.email(), c.phone(), c.title(), c.buyingRole());
            case "lastName" ->
                new Accounts.ContactCmd(c.firstName(), t, c.email(), c.phone(), c.title(), c.buyingRole());
            case "email" ->
                new Accounts.ContactCmd(c.firstName(), c.lastName(), t, c.phone(), c.title(), c.buyingRole());
            case "phone" ->
                new Accounts.ContactCmd(c.firstName(), c.lastName(), c.email(), t, c.title(), c.buyingRole());
            case "title" ->
                new Accounts.ContactCmd(c.firstName(), c.lastName(), c.email(), c.phone(), t, c.buyingRole());
            default -> throw new InvalidInputException("field", "problem.field.invalid-value", "No such field");
        };
        edits.validate(cmd, "contact");
        return edits.answer(
                () -> {
                    ContactSummary saved = accounts.changeContact(id, saved(c), cmd, version, CurrentUser.actor());
                    String raw = switch (field) {
                        case "firstName" -> saved.firstName();
                        case "lastName" -> saved.lastName();
                        case "email" -> saved.email();
                        case "phone" -> saved.phone();
                        default -> saved.title();
                    };
                    return new FieldEdits.Saved(field, raw, raw, saved.version());
                },
                () -> changer(accounts.lastContactChange(id)),
                workspaces.current().timeZone());
    }

    private static long saved(ContactSummary c) {
        return c.accountId();
    }

    private Optional<FieldEdits.Changer> changer(Optional<Map.Entry<Long, Instant>> last) {
        return last.flatMap(c -> people.findUser(c.getKey()).map(u -> new FieldEdits.Changer(u.name(), c.getValue())));
    }
}
