package org.pipelinecrm.exporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import org.pipelinecrm.shared.TenantOwned;

/** One entry of the privacy log: who exported or erased which person's records, when. Never changed. */
@Entity
class PrivacyAction extends TenantOwned {

    enum Kind {
        EXPORT,
        ERASE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Kind action;

    @Column(updatable = false)
    private long actorId;

    @Column(updatable = false)
    private Long[] leadIds;

    @Column(updatable = false)
    private Long[] contactIds;

    @Column(updatable = false)
    private int activities;

    @Column(updatable = false)
    private Instant occurredAt;

    protected PrivacyAction() {}

    PrivacyAction(
            Kind action, long actorId, Collection<Long> leads, Collection<Long> contacts, int activities, Instant at) {
        this.action = action;
        this.actorId = actorId;
        this.leadIds = leads.stream().sorted().toArray(Long[]::new);
        this.contactIds = contacts.stream().sorted().toArray(Long[]::new);
        this.activities = activities;
        this.occurredAt = at;
    }

    PrivacyLogEntry toEntry(java.util.Map<Long, String> people) {
        return new PrivacyLogEntry(
                id,
                action.name(),
                actorId,
                people.get(actorId),
                Arrays.asList(leadIds),
                Arrays.asList(contactIds),
                activities,
                occurredAt);
    }
}
