package org.pipelinecrm.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import org.pipelinecrm.shared.TenantOwned;

/** A sequence of stages deals of one kind move through (new business, renewals), maybe limited to one team. */
@Entity
class Pipeline extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String name;
    private Long teamId;

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected Pipeline() {}

    Pipeline(String name, Long teamId) {
        this.name = name.trim();
        this.teamId = teamId;
    }

    void change(String name, Long teamId) {
        this.name = name.trim();
        this.teamId = teamId;
    }

    Long getId() {
        return id;
    }

    Long getTeamId() {
        return teamId;
    }

    long getVersion() {
        return version;
    }

    PipelineView toView(List<StageView> stages) {
        return new PipelineView(id, name, teamId, version, stages);
    }
}
