package org.pipelinecrm.opportunity;

import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.pipeline.StageKind;
import org.springframework.data.jpa.domain.Specification;

/**
 * Filters of the deal list and the board (each null filter is left out), within the deals the signed-in person may
 * see: {@code text} is found in deal names, as on the board.
 */
public record DealFilter(Long pipelineId, Long stageId, Long ownerId, Long teamId, StageKind status, String text) {

    public static DealFilter none() {
        return new DealFilter(null, null, null, null, null, null);
    }

    Specification<Opportunity> toSpecification() {
        Specification<Opportunity> spec = visibleToMe();
        if (pipelineId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("pipelineId"), pipelineId));
        }
        if (stageId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("stageId"), stageId));
        }
        if (ownerId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("ownerId"), ownerId));
        }
        if (teamId != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("teamId"), teamId));
        }
        if (text != null && !text.isBlank()) {
            String like = "%" + text.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((r, q, cb) -> cb.like(cb.lower(r.get("name")), like));
        }
        if (status != null) {
            spec = spec.and((r, q, cb) -> cb.equal(r.get("status"), status));
        }
        return spec;
    }

    private static Specification<Opportunity> visibleToMe() {
        var me = CurrentUser.get();
        if (DealScope.seesAll(me)) {
            return (r, q, cb) -> cb.conjunction();
        }
        return (r, q, cb) -> me.teamId() == null
                ? cb.equal(r.get("ownerId"), me.id())
                : cb.or(cb.equal(r.get("ownerId"), me.id()), cb.equal(r.get("teamId"), me.teamId()));
    }
}
