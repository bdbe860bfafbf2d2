package org.pipelinecrm.lead;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.pipelinecrm.identity.Actor;
import org.springframework.data.jpa.domain.Specification;

/** Filters of the lead list; each null filter is left out. */
public record LeadFilter(
        LeadStatus status,
        LeadType type,
        String source,
        Long ownerId,
        Long teamId,
        String q,
        Integer minScore,
        Integer maxScore) {

    public static LeadFilter none() {
        return new LeadFilter(null, null, null, null, null, null, null, null);
    }

    Specification<Lead> toSpecification(Actor user) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (!user.seesWholeWorkspace()) {
                // Marketers and reps see their team's leads, their own, the ones they handed off, and the ones they
                // created (a marketer entering a lead for another team keeps it in sight).
                List<Predicate> mine = new ArrayList<>();
                mine.add(cb.equal(root.get("ownerId"), user.id()));
                mine.add(cb.equal(root.get("createdBy"), user.id()));
                mine.add(cb.equal(root.get("handedOffBy"), user.id()));
                if (user.teamId() != null) {
                    mine.add(cb.equal(root.get("teamId"), user.teamId()));
                }
                where.add(cb.or(mine.toArray(Predicate[]::new)));
            }
            if (status != null) {
                where.add(cb.equal(root.get("status"), status));
            }
            if (type != null) {
                where.add(cb.equal(root.get("type"), type));
            }
            if (source != null && !source.isBlank()) {
                where.add(cb.equal(cb.lower(root.get("source")), source.trim().toLowerCase()));
            }
            if (ownerId != null) {
                where.add(cb.equal(root.get("ownerId"), ownerId));
            }
            if (teamId != null) {
                where.add(cb.equal(root.get("teamId"), teamId));
            }
            if (minScore != null) {
                where.add(cb.ge(root.get("score"), minScore));
            }
            if (maxScore != null) {
                where.add(cb.le(root.get("score"), maxScore));
            }
            if (q != null && !q.isBlank()) {
                String like = "%" + q.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(cb.lower(root.get("lastName")), like),
                        cb.like(cb.lower(root.get("firstName")), like),
                        cb.like(root.get("emailKey"), like),
                        cb.like(cb.lower(root.get("company")), like)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
