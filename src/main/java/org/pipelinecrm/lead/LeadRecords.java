package org.pipelinecrm.lead;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.pipelinecrm.activity.ActivityRecords;
import org.pipelinecrm.activity.RecordRef;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.Actor;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Leads as records that activities and tasks are logged on, visible by the lead list's rules. */
@Component
@Transactional(readOnly = true)
class LeadRecords implements ActivityRecords {

    private final LeadRepository leads;

    LeadRecords(LeadRepository leads) {
        this.leads = leads;
    }

    @Override
    public boolean supports(RecordType type) {
        return type == RecordType.LEAD;
    }

    @Override
    public Optional<RecordRef> find(RecordType type, long id, Actor by) {
        return leads.findById(id).map(lead -> {
            Specification<Lead> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
            boolean visible = leads.exists(byId.and(LeadFilter.none().toSpecification(by)));
            return new RecordRef(RecordType.LEAD, id, lead.title(), "/leads/" + id, visible);
        });
    }

    /** Two queries for any number of leads: the leads, and which of them {@code by} may see. */
    @Override
    public Map<Long, RecordRef> findAll(RecordType type, Collection<Long> ids, Actor by) {
        Map<Long, RecordRef> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Specification<Lead> byIds = (root, query, cb) -> root.get("id").in(ids);
        Set<Long> visible = leads.findAll(byIds.and(LeadFilter.none().toSpecification(by))).stream()
                .map(Lead::id)
                .collect(Collectors.toSet());
        leads.findAllById(ids)
                .forEach(lead -> found.put(
                        lead.id(),
                        new RecordRef(
                                RecordType.LEAD,
                                lead.id(),
                                lead.title(),
                                "/leads/" + lead.id(),
                                visible.contains(lead.id()))));
        return found;
    }
}
