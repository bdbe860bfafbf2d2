package org.pipelinecrm.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** A behaviour of a lead that scoring counts. */
@Entity
class LeadEvent extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    Long leadId;
    String type;
    Instant occurredAt;

    protected LeadEvent() {}

    LeadEvent(long leadId, String type, Instant occurredAt) {
        this.leadId = leadId;
        this.type = type;
        this.occurredAt = occurredAt;
    }
}
