package org.pipelinecrm.lead;

import java.util.Optional;

import org.pipelinecrm.activity.ActivityRecords;
import org.pipelinecrm.activity.RecordRef;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.identity.CurrentUser;
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
    public Optional<RecordRef> find(RecordType type, long id) {
        return leads.findById(id).map(lead -> {
            Specification<Lead> byId = (root, query, cb) -> cb.equal(root.get("id"), id);
            boolean visible = leads.exists(byId.and(LeadFilter.none().toSpecification(CurrentUser.get())));
            return new RecordRef(RecordType.LEAD, id, lead.title(), "/leads/" + id, visible);
        });
    }
}
