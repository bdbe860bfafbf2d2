package org.pipelinecrm.lead;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import java.util.function.Consumer;
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

    LeadExport(EntityManager em) {
        this.em = em;
    }

    public void forEachBatch(LeadFilter filter, Consumer<List<LeadView>> each) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Lead> query = cb.createQuery(Lead.class);
        Root<Lead> root = query.from(Lead.class);
        query.where(filter.toSpecification(CurrentUser.actor()).toPredicate(root, query, cb))
                .orderBy(cb.asc(root.get("id")));
        Cursor.forEachBatch(
                em,
                query,
                batch -> each.accept(batch.stream().map(l -> l.toView(null)).toList()));
    }
}
