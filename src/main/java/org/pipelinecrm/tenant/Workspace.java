package org.pipelinecrm.tenant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;

/** A company using the product; its id is the tenant id of every row it owns. */
@Entity
class Workspace {

    @Id
    private Long id;

    private String name;

    @Enumerated(EnumType.STRING)
    private Currency currency;

    private String timeZone;

    private String formKey;

    @Column(updatable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Workspace() {}

    Workspace(long id, String name, Currency currency, ZoneId timeZone, String formKey) {
        this.id = id;
        this.name = name;
        this.currency = currency;
        this.timeZone = timeZone.getId();
        this.formKey = formKey;
        this.createdAt = Instant.now();
    }

    void changeSettings(String name, Currency currency, ZoneId timeZone) {
        this.name = name;
        this.currency = currency;
        this.timeZone = timeZone.getId();
    }

    WorkspaceSettings toSettings() {
        return new WorkspaceSettings(id, name, currency, ZoneId.of(timeZone), formKey, version);
    }

    long getVersion() {
        return version;
    }
}
