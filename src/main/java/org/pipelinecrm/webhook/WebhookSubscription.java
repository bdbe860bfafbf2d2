package org.pipelinecrm.webhook;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.shared.TenantOwned;
import org.springframework.orm.ObjectOptimisticLockingFailureException;

/** Where a workspace wants its events posted, which ones, and the secret their signatures are made with. */
@Entity
class WebhookSubscription extends TenantOwned {

    static final String ACTIVE = "ACTIVE";
    static final String PAUSED = "PAUSED";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String url;
    private String events;
    private String description;
    private String secret;
    private String status = ACTIVE;
    private int failuresInRow;
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookSubscription() {}

    WebhookSubscription(String url, List<String> events, String description, String secret, Instant now) {
        this.secret = secret;
        this.createdAt = now;
        describe(url, events, description);
    }

    void describe(String url, List<String> events, String description) {
        this.url = url;
        this.events = String.join(",", events);
        this.description = description;
    }

    /** Paused or active again; an admin resuming it starts its failure count afresh. */
    void setStatus(String status) {
        if (ACTIVE.equals(status) && !ACTIVE.equals(this.status)) {
            failuresInRow = 0;
        }
        this.status = status;
    }

    void checkVersion(Long expected) {
        if (expected != null && expected != version) {
            throw new ObjectOptimisticLockingFailureException(WebhookSubscription.class, id);
        }
    }

    Long getId() {
        return id;
    }

    String getUrl() {
        return url;
    }

    List<String> getEvents() {
        return events.isEmpty() ? List.of() : Arrays.asList(events.split(","));
    }

    String getDescription() {
        return description;
    }

    WebhookView toView(String shownSecret) {
        return new WebhookView(
                id, url, getEvents(), description, status, failuresInRow, createdAt, version, shownSecret);
    }
}
