package org.pipelinecrm.lead;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.pipelinecrm.identity.Actor;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One person's leads, found by e-mail or name for a data-protection request, and their erasure: the person's name,
 * e-mail, phone, title, external id and free-text notes are cleared (the timeline's details too, which may quote
 * them), while status, score, source and company stay so that the funnel and dashboards keep counting right. Erasing
 * goes around the lead's own edit, which would write the old values into the timeline.
 */
@Service
@Transactional(readOnly = true)
public class LeadErasure {

    /** What an erased lead is called from then on. */
    public static final String ERASED_NAME = "Erased person";

    private final EntityManager em;

    LeadErasure(EntityManager em) {
        this.em = em;
    }

    /** Leads {@code by} sees with this e-mail (any case) or whose name contains this text; either may be null. */
    public List<LeadView> findPerson(String email, String name, Actor by) {
        String emailKey = DuplicateKeys.email(email);
        String nameLike = name == null || name.isBlank()
                ? null
                : "%"
                        + name.strip()
                                .toLowerCase(Locale.ROOT)
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
        if (emailKey == null && nameLike == null) {
            return List.of();
        }
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Lead> query = cb.createQuery(Lead.class);
        Root<Lead> root = query.from(Lead.class);
        var person = emailKey != null
                ? cb.equal(root.get("emailKey"), emailKey)
                : cb.like(
                        cb.lower(cb.concat(
                                cb.concat(cb.coalesce(root.get("firstName"), ""), " "), root.get("lastName"))),
                        nameLike);
        query.where(person, LeadFilter.none().toSpecification(by).toPredicate(root, query, cb))
                .orderBy(cb.asc(root.get("id")));
        return em.createQuery(query).setMaxResults(200).getResultList().stream()
                .map(l -> l.toView(null))
                .toList();
    }

    /** The leads as the signed-in person sees them; any id that is not there is not found. */
    public List<LeadView> leads(Collection<Long> ids) {
        List<LeadView> found = ids.isEmpty()
                ? List.of()
                : em
                        .createQuery("select l from Lead l where l.id in :ids order by l.id", Lead.class)
                        .setParameter("ids", ids)
                        .getResultList()
                        .stream()
                        .map(l -> l.toView(null))
                        .toList();
        ids.stream()
                .filter(id -> found.stream().noneMatch(l -> l.id() == id))
                .findFirst()
                .ifPresent(id -> {
                    throw new NotFoundException("Lead", id);
                });
        return found;
    }

    @Transactional
    public int erase(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        leads(ids);
        em.createQuery("update TimelineEntry t set t.detail = null where t.leadId in :ids")
                .setParameter("ids", ids)
                .executeUpdate();
        return em.createQuery("""
                        update Lead l set l.firstName = null, l.lastName = :erased, l.email = null, l.phone = null,
                        l.title = null, l.emailKey = null, l.nameKey = null, l.externalId = null,
                        l.handoffNote = null, l.reasonNote = null, l.updatedAt = current_timestamp,
                        l.version = l.version + 1
                        where l.id in :ids""")
                .setParameter("erased", ERASED_NAME)
                .setParameter("ids", ids)
                .executeUpdate();
    }
}
