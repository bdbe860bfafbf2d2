package org.pipelinecrm.lead;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.function.Consumer;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.shared.database.Cursor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every lead the lead list would show with this filter, as the signed-in person sees it, read through a cursor a
 * batch at a time (oldest first) for exports of any size.
 */
@Service
@Transactional(readOnly = true)
public class LeadExport {

    private final EntityManager em;
    private final CustomFields customFields;

    LeadExport(EntityManager em, CustomFields customFields) {
        this.em = em;
        this.customFields = customFields;
    }

    public void forEachBatch(LeadFilter filter, Consumer<List<LeadView>> each) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Lead> query = cb.createQuery(Lead.class);
        Root<Lead> root = query.from(Lead.class);
        query.where(filter.toSpecification(CurrentUser.actor()).toPredicate(root, query, cb))
                .orderBy(cb.asc(root.get("id")));
        var values = customFields.reader(RecordKind.LEAD);
        Cursor.forEachBatch(
                em,
                query,
                batch -> each.accept(batch.stream()
                        .map(l -> l.toView(null).withCustomFields(values.apply(l.customFields())))
                        .toList()));
    }
}
