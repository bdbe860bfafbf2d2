package org.pipelinecrm.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** One thing that happened to a lead, by whom and when. */
@Entity
class TimelineEntry extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    Long leadId;
    String kind;
    String detail;
    Long actorId;
    Instant occurredAt;

    protected TimelineEntry() {}

    TimelineEntry(long leadId, String kind, String detail, Long actorId, Instant occurredAt) {
        this.leadId = leadId;
        this.kind = kind;
        this.detail = detail;
        this.actorId = actorId;
        this.occurredAt = occurredAt;
    }

    LeadView.Entry toView() {
        return new LeadView.Entry(kind, detail, actorId, occurredAt);
    }
}
