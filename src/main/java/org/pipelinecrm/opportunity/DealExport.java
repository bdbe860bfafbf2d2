package org.pipelinecrm.opportunity;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.pipelinecrm.account.Accounts;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.People;
import org.pipelinecrm.shared.database.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every deal the deal list would show with this filter, with its account and owner named, read through a cursor a
 * batch at a time (oldest first) for exports of any size.
 */
@Service
@Transactional(readOnly = true)
public class DealExport {

    private final EntityManager em;
    private final Accounts accounts;
    private final People people;
    private final CustomFields customFields;

    DealExport(EntityManager em, Accounts accounts, People people, CustomFields customFields) {
        this.customFields = customFields;
        this.em = em;
        this.accounts = accounts;
        this.people = people;
    }

    public void forEachBatch(DealFilter filter, Consumer<List<OpportunityView>> each) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Opportunity> query = cb.createQuery(Opportunity.class);
        Root<Opportunity> root = query.from(Opportunity.class);
        query.where(filter.toSpecification().toPredicate(root, query, cb)).orderBy(cb.asc(root.get("id")));
        Map<Long, String> owners = people.userNames();
        var values = customFields.reader(RecordKind.OPPORTUNITY);
        Cursor.forEachBatch(em, query, batch -> {
            List<OpportunityView> views = batch.stream()
                    .map(o -> o.toView(null, null).withCustomFields(values.apply(o.getCustomFields())))
                    .toList();
            Map<Long, String> accountNames = accounts.namesByIds(views.stream()
                    .map(OpportunityView::accountId)
                    .filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            each.accept(views.stream()
                    .map(v -> v.named(
                            v.accountId() == null ? null : accountNames.get(v.accountId()), owners.get(v.ownerId())))
                    .toList());
        });
    }
}
