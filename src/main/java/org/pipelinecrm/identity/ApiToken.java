package org.pipelinecrm.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

/** A personal credential for the API; only its hash is kept, the token itself is shown once. */
@Entity
class ApiToken extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private Long userId;
    private String name;
    private String tokenHash;

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    private Instant lastUsedAt;

    protected ApiToken() {}

    ApiToken(Long userId, String name, String tokenHash) {
        this.userId = userId;
        this.name = name.trim();
        this.tokenHash = tokenHash;
    }

    Long getId() {
        return id;
    }

    Long getUserId() {
        return userId;
    }

    ApiTokenSummary toSummary() {
        return new ApiTokenSummary(id, name, createdAt, lastUsedAt);
    }
}
