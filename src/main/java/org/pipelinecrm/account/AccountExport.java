package org.pipelinecrm.account;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.shared.database.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every account, and every contact (of one account when given), as the lists show them, read through a cursor a batch
 * at a time for exports of any size. Everyone in a workspace sees its accounts and contacts.
 */
@Service
@Transactional(readOnly = true)
public class AccountExport {

    private final EntityManager em;
    private final ContactRepository contacts;
    private final CustomFields customFields;

    AccountExport(EntityManager em, ContactRepository contacts, CustomFields customFields) {
        this.customFields = customFields;
        this.em = em;
        this.contacts = contacts;
    }

    public void forEachAccountBatch(Consumer<List<AccountSummary>> each) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Account> query = cb.createQuery(Account.class);
        Root<Account> root = query.from(Account.class);
        query.orderBy(cb.asc(root.get("id")));
        var values = customFields.reader(RecordKind.ACCOUNT);
        Cursor.forEachBatch(em, query, batch -> {
            Map<Long, Long> counts = contacts
                    .countByAccount(batch.stream().map(Account::getId).toList())
                    .stream()
                    .collect(Collectors.toMap(r -> (Long) r[0], r -> (Long) r[1]));
            each.accept(batch.stream()
                    .map(a -> a.toSummary(counts.getOrDefault(a.getId(), 0L))
                            .withCustomFields(values.apply(a.getCustomFields())))
                    .toList());
        });
    }

    public void forEachContactBatch(Long accountId, Consumer<List<ContactSummary>> each) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Contact> query = cb.createQuery(Contact.class);
        Root<Contact> root = query.from(Contact.class);
        if (accountId != null) {
            query.where(cb.equal(root.get("accountId"), accountId));
        }
        query.orderBy(cb.asc(root.get("id")));
        var values = customFields.reader(RecordKind.CONTACT);
        Cursor.forEachBatch(
                em,
                query,
                batch -> each.accept(batch.stream()
                        .map(c -> c.toSummary().withCustomFields(values.apply(c.getCustomFields())))
                        .toList()));
    }
}
