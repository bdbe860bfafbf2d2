package org.pipelinecrm.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** A group of people who work a territory or a pipeline together (a sales team, a marketing team). */
@Entity
class Team extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String name;

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected Team() {}

    Team(String name) {
        this.name = name.trim();
    }

    void rename(String name) {
        this.name = name.trim();
    }

    TeamSummary toSummary() {
        return new TeamSummary(id, name, version);
    }
}
