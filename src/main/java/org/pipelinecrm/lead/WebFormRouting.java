package org.pipelinecrm.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import org.pipelinecrm.shared.TenantOwned;

/** The team and owner a workspace gives to leads from its public web form; one row per workspace at most. */
@Entity
class WebFormRouting extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    Long teamId;
    Long ownerId;

    @Version
    long version;

    WebFormRoute toRoute() {
        return new WebFormRoute(teamId, ownerId, version);
    }
}
