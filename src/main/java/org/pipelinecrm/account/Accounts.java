package org.pipelinecrm.account;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.PageOf;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Accounts and their contacts in the current workspace. */
@Service
@Transactional(readOnly = true)
public class Accounts {

    private final AccountRepository accounts;
    private final ContactRepository contacts;
    private final CustomFields customFields;

    Accounts(AccountRepository accounts, ContactRepository contacts, CustomFields customFields) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.customFields = customFields;
    }

    /** A new account; custom field values are checked when given (and then the required ones must be). */
    @Transactional
    public AccountSummary create(AccountCmd cmd) {
        String values = customFields.write(RecordKind.ACCOUNT, "{}", cmd.customFields(), cmd.customFields() != null);
        Account account = new Account(cmd);
        account.fillIn(values);
        return summary(accounts.save(account), 0);
    }

    private AccountSummary summary(Account account, long contacts) {
        return account.toSummary(contacts)
                .withCustomFields(customFields.visible(RecordKind.ACCOUNT, account.getCustomFields()));
    }

    private ContactSummary summary(Contact contact) {
        return contact.toSummary()
                .withCustomFields(customFields.visible(RecordKind.CONTACT, contact.getCustomFields()));
    }

    /** Creates the account unless a likely duplicate exists (same normalised name or web domain). */
    @Transactional
    public AccountSummary create(AccountCmd cmd, boolean allowDuplicate) {
        if (!allowDuplicate) {
            likelyDuplicate(cmd.name(), cmd.domain()).ifPresent(existing -> {
                throw new DuplicateAccountException(existing);
            });
        }
        return create(cmd);
    }

    /** Changes the account with the version the editor saw: a stale one is a conflict, never an overwrite. */
    @Transactional
    public AccountSummary change(long id, AccountCmd cmd, long expectedVersion, Actor by) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
        if (account.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        AccountSummary before = account.toSummary(0);
        if (cmd.customFields() != null) {
            account.fillIn(
                    customFields.write(RecordKind.ACCOUNT, account.getCustomFields(), cmd.customFields(), false));
        }
        account.change(cmd);
        if (!same(before, account.toSummary(0))) {
            account.changedBy(by.id(), Instant.now());
        }
        accounts.flush();
        return account(id);
    }

    @Transactional
    public ContactSummary changeContact(long id, long accountId, ContactCmd cmd, long expectedVersion, Actor by) {
        Contact contact = contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
        account(accountId);
        if (contact.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Contact.class, id);
        }
        ContactSummary before = contact.toSummary();
        if (cmd.customFields() != null) {
            contact.fillIn(
                    customFields.write(RecordKind.CONTACT, contact.getCustomFields(), cmd.customFields(), false));
        }
        contact.change(accountId, cmd);
        if (!before.equals(contact.toSummary())) {
            contact.changedBy(by.id(), Instant.now());
        }
        contacts.flush();
        return summary(contact);
    }

    /** Whether a save changed nothing (amounts compared by value: 10 is 10.00), so it keeps the version. */
    private static boolean same(AccountSummary a, AccountSummary b) {
        boolean revenue = a.annualRevenue() == null
                ? b.annualRevenue() == null
                : b.annualRevenue() != null && a.annualRevenue().compareTo(b.annualRevenue()) == 0;
        return revenue
                && a.equals(new AccountSummary(
                        b.id(),
                        b.name(),
                        b.domain(),
                        b.industry(),
                        b.size(),
                        a.annualRevenue(),
                        b.country(),
                        b.contactCount(),
                        b.version(),
                        b.customFields()));
    }

    /** Who changed the account last and when, for a stale edit's answer; empty when not known. */
    public Optional<Map.Entry<Long, Instant>> lastChange(long id) {
        return accounts.findById(id).flatMap(Account::lastChange);
    }

    public Optional<Map.Entry<Long, Instant>> lastContactChange(long id) {
        return contacts.findById(id).flatMap(Contact::lastChange);
    }

    /** The account whose normalised name matches, or a new one: imports and conversions never duplicate a company. */
    @Transactional
    public AccountSummary findOrCreateByName(String name) {
        return accounts.findFirstByNormalizedNameOrderByIdAsc(Account.normalize(name))
                .map(a -> summary(a, 0))
                .orElseGet(() -> create(new AccountCmd(name, null, null, null, null, null)));
    }

    /** An account that is likely the same company: the same normalised name, or the same web domain. */
    public Optional<AccountSummary> likelyDuplicate(String name, String domain) {
        Optional<Account> byName = name == null || name.isBlank()
                ? Optional.empty()
                : accounts.findFirstByNormalizedNameOrderByIdAsc(Account.normalize(name));
        String d = Account.normalizeDomain(domain);
        return byName.or(() -> d == null ? Optional.empty() : accounts.findFirstByDomainOrderByIdAsc(d))
                .map(a -> summary(a, 0));
    }

    public Optional<AccountSummary> find(long id) {
        return accounts.findById(id)
                .map(a -> summary(
                        a,
                        contacts.countByAccount(List.of(id)).stream()
                                .mapToLong(r -> (Long) r[1])
                                .sum()));
    }

    public AccountSummary account(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Account", id));
    }

    public PageOf<AccountSummary> list(int page, int size) {
        Page<Account> found = accounts.findAllByOrderByNameAscIdAsc(
                PageRequest.of(PageOf.page(page, PageOf.clampSize(size)), PageOf.clampSize(size)));
        Map<Long, Long> counts = contacts
                .countByAccount(found.map(Account::getId).getContent())
                .stream()
                .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
        var values = customFields.reader(RecordKind.ACCOUNT);
        return PageOf.of(
                found,
                a -> a.toSummary(counts.getOrDefault(a.getId(), 0L))
                        .withCustomFields(values.apply(a.getCustomFields())));
    }

    public Map<Long, String> namesByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return accounts.findAllByIdIn(ids).stream().collect(Collectors.toMap(Account::getId, Account::getName));
    }

    @Transactional
    public ContactSummary addContact(long accountId, ContactCmd cmd) {
        account(accountId);
        String values = customFields.write(RecordKind.CONTACT, "{}", cmd.customFields(), cmd.customFields() != null);
        Contact contact = new Contact(accountId, cmd);
        contact.fillIn(values);
        return summary(contacts.save(contact));
    }

    public ContactSummary contact(long id) {
        return contacts.findById(id).map(this::summary).orElseThrow(() -> new NotFoundException("Contact", id));
    }

    public List<ContactSummary> contactsOf(long accountId) {
        var values = customFields.reader(RecordKind.CONTACT);
        return contacts.findAllByAccountIdOrderByLastNameAsc(accountId).stream()
                .map(c -> c.toSummary().withCustomFields(values.apply(c.getCustomFields())))
                .toList();
    }

    public Map<Long, String> contactNamesByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return contacts.findAllByIdIn(ids).stream()
                .map(Contact::toSummary)
                .collect(Collectors.toMap(ContactSummary::id, ContactSummary::fullName));
    }

    public record AccountCmd(
            @NotBlank @Size(max = 200) String name,
            @Size(max = 200) String domain,
            @Size(max = 80) String industry,
            @Size(max = 40) String size,
            @DecimalMin("0") BigDecimal annualRevenue,
            @Size(max = 80) String country,
            Map<String, Object> customFields) {

        /** An account without custom field values (none are checked). */
        public AccountCmd(
                String name, String domain, String industry, String size, BigDecimal annualRevenue, String country) {
            this(name, domain, industry, size, annualRevenue, country, null);
        }

        public AccountCmd withCustomFields(Map<String, Object> values) {
            return new AccountCmd(name, domain, industry, size, annualRevenue, country, values);
        }
    }

    public record ContactCmd(
            @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Size(max = 120) String title,
            BuyingRole buyingRole,
            Map<String, Object> customFields) {

        /** A contact without custom field values (none are checked). */
        public ContactCmd(
                String firstName, String lastName, String email, String phone, String title, BuyingRole buyingRole) {
            this(firstName, lastName, email, phone, title, buyingRole, null);
        }

        public ContactCmd withCustomFields(Map<String, Object> values) {
            return new ContactCmd(firstName, lastName, email, phone, title, buyingRole, values);
        }
    }
}
