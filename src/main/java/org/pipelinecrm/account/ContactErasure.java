package org.pipelinecrm.account;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's contacts, found by e-mail or name for a data-protection request, and their erasure: name, e-mail,
 * phone and title cleared; the contact stays at its account (and on its deals) as "Erased person".
 */
@Service
@Transactional(readOnly = true)
public class ContactErasure {

    public static final String ERASED_NAME = "Erased person";

    private final ContactRepository contacts;

    ContactErasure(ContactRepository contacts) {
        this.contacts = contacts;
    }

    public List<ContactSummary> findPerson(String email, String name) {
        if (email != null && !email.isBlank()) {
            return contacts.findPersonByEmail(email.strip().toLowerCase(Locale.ROOT)).stream()
                    .map(Contact::toSummary)
                    .toList();
        }
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String like =
                "%" + name.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
        return contacts.findPersonByName(like).stream().map(Contact::toSummary).toList();
    }

    /** The contacts; any id that is not in this workspace is not found. */
    public List<ContactSummary> contacts(Collection<Long> ids) {
        List<ContactSummary> found = ids.isEmpty()
                ? List.of()
                : contacts.findAllByIdIn(ids).stream().map(Contact::toSummary).toList();
        ids.stream()
                .filter(id -> found.stream().noneMatch(c -> c.id() == id))
                .findFirst()
                .ifPresent(id -> {
                    throw new NotFoundException("Contact", id);
                });
        return found;
    }

    @Transactional
    public int erase(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        contacts(ids);
        return contacts.erase(ids, ERASED_NAME);
    }
}
