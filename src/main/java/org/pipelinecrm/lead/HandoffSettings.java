package org.pipelinecrm.lead;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.List;
import org.pipelinecrm.shared.TenantOwned;

/** A workspace's handoff SLA and rejection reasons; reasons kept one per line, as they are read and written whole. */
@Entity
class HandoffSettings extends TenantOwned {

    static final int DEFAULT_SLA_HOURS = 24;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    Long id;

    int slaHours = DEFAULT_SLA_HOURS;
    String rejectionReasons = String.join(
            "\n", Arrays.stream(RejectionReason.values()).map(Enum::name).toList());

    @Version
    long version;

    List<String> reasons() {
        return rejectionReasons
                .lines()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    HandoffRules toRules() {
        return new HandoffRules(slaHours, reasons(), version);
    }
}
