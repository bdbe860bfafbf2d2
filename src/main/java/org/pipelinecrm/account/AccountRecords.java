package org.pipelinecrm.account;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pipelinecrm.activity.ActivityRecords;
import org.pipelinecrm.activity.RecordRef;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.Actor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and contacts as records that activities and tasks are logged on; everyone in the workspace
 * sees them. An account's timeline includes its contacts' activities.
 */
@Component
@Transactional(readOnly = true)
class AccountRecords implements ActivityRecords {

    private final AccountRepository accounts;
    private final ContactRepository contacts;

    AccountRecords(AccountRepository accounts, ContactRepository contacts) {
        this.accounts = accounts;
        this.contacts = contacts;
    }

    @Override
    public boolean supports(RecordType type) {
        return type == RecordType.ACCOUNT || type == RecordType.CONTACT;
    }

    @Override
    public Optional<RecordRef> find(RecordType type, long id, Actor by) {
        return type == RecordType.ACCOUNT
                ? accounts.findById(id).map(a -> new RecordRef(type, id, a.getName(), "/accounts/" + id, true))
                : contacts.findById(id).map(Contact::toSummary).map(this::contact);
    }

    @Override
    public List<RecordRef> related(RecordType type, long id, Actor by) {
        if (type != RecordType.ACCOUNT) {
            return List.of();
        }
        return contacts.findAllByAccountIdOrderByLastNameAsc(id).stream()
                .map(Contact::toSummary)
                .map(this::contact)
                .toList();
    }

    @Override
    public Map<Long, RecordRef> findAll(RecordType type, Collection<Long> ids, Actor by) {
        Map<Long, RecordRef> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        if (type == RecordType.ACCOUNT) {
            accounts.findAllByIdIn(ids)
                    .forEach(a -> found.put(
                            a.getId(), new RecordRef(type, a.getId(), a.getName(), "/accounts/" + a.getId(), true)));
        } else {
            contacts.findAllByIdIn(ids).stream()
                    .map(Contact::toSummary)
                    .map(this::contact)
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    private RecordRef contact(ContactSummary c) {
        return new RecordRef(RecordType.CONTACT, c.id(), c.fullName(), "/contacts/" + c.id(), true);
    }
}
