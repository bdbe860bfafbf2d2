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
import org.pipelinecrm.identity.CurrentUser;
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

    Accounts(AccountRepository accounts, ContactRepository contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @Transactional
    public AccountSummary create(AccountCmd cmd) {
        return accounts.save(new Account(cmd)).toSummary(0);
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
    public AccountSummary change(long id, AccountCmd cmd, long expectedVersion) {
        Account account = accounts.findById(id).orElseThrow(() -> new NotFoundException("Account", id));
        if (account.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Account.class, id);
        }
        AccountSummary before = account.toSummary(0);
        account.change(cmd);
        if (!same(before, account.toSummary(0))) {
            account.changedBy(CurrentUser.get().id(), Instant.now());
        }
        accounts.flush();
        return account(id);
    }

    @Transactional
    public ContactSummary changeContact(long id, long accountId, ContactCmd cmd, long expectedVersion) {
        Contact contact = contacts.findById(id).orElseThrow(() -> new NotFoundException("Contact", id));
        account(accountId);
        if (contact.getVersion() != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException(Contact.class, id);
        }
        ContactSummary before = contact.toSummary();
        contact.change(accountId, cmd);
        if (!before.equals(contact.toSummary())) {
            contact.changedBy(CurrentUser.get().id(), Instant.now());
        }
        contacts.flush();
        return contact.toSummary();
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
                        b.version()));
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
                .map(a -> a.toSummary(0))
                .orElseGet(() -> create(new AccountCmd(name, null, null, null, null, null)));
    }

    /** An account that is likely the same company: the same normalised name, or the same web domain. */
    public Optional<AccountSummary> likelyDuplicate(String name, String domain) {
        Optional<Account> byName = name == null || name.isBlank()
                ? Optional.empty()
                : accounts.findFirstByNormalizedNameOrderByIdAsc(Account.normalize(name));
        String d = Account.normalizeDomain(domain);
        return byName.or(() -> d == null ? Optional.empty() : accounts.findFirstByDomainOrderByIdAsc(d))
                .map(a -> a.toSummary(0));
    }

    public Optional<AccountSummary> find(long id) {
        return accounts.findById(id)
                .map(a -> a.toSummary(contacts.countByAccount(List.of(id)).stream()
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
        return PageOf.of(found, a -> a.toSummary(counts.getOrDefault(a.getId(), 0L)));
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
        return contacts.save(new Contact(accountId, cmd)).toSummary();
    }

    public ContactSummary contact(long id) {
        return contacts.findById(id).map(Contact::toSummary).orElseThrow(() -> new NotFoundException("Contact", id));
    }

    public List<ContactSummary> contactsOf(long accountId) {
        return contacts.findAllByAccountIdOrderByLastNameAsc(accountId).stream()
                .map(Contact::toSummary)
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
            @Size(max = 80) String country) {}

    public record ContactCmd(
            @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Size(max = 40) String phone,
            @Size(max = 120) String title,
            BuyingRole buyingRole) {}
}
