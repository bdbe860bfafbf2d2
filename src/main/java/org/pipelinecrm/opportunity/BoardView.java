package org.pipelinecrm.opportunity;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** A board view one person saved: a name for a pipeline and its filters. */
@Entity
class BoardView extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private long userId;
    private String name;
    private long pipelineId;
    private Long ownerId;
    private Long teamId;
    private boolean mine;
    private String search;
    private Instant createdAt;

    protected BoardView() {}

    BoardView(long userId, String name, Instant createdAt) {
        this.userId = userId;
        this.name = name;
        this.createdAt = createdAt;
    }

    /** The filters this view applies; saving a name again replaces them. */
    void show(long pipelineId, Long ownerId, Long teamId, boolean mine, String search) {
        this.pipelineId = pipelineId;
        this.ownerId = mine ? null : ownerId;
        this.teamId = teamId;
        this.mine = mine;
        this.search = search;
    }

    BoardViews.SavedView toView() {
        return new BoardViews.SavedView(id, name, pipelineId, ownerId, teamId, mine, search);
    }

    long getUserId() {
        return userId;
    }
}
