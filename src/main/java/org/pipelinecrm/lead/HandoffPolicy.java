package org.pipelinecrm.lead;

import java.util.LinkedHashSet;
import java.util.List;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current workspace's handoff rules: the SLA of the inbox and the reasons a rejection may give. */
@Service
@Transactional(readOnly = true)
public class HandoffPolicy {

    private final HandoffSettingsRepository settings;

    HandoffPolicy(HandoffSettingsRepository settings) {
        this.settings = settings;
    }

    public HandoffRules rules() {
        return settings.findFirstBy().orElseGet(HandoffSettings::new).toRules();
    }

    /** Saves new rules (validated by the caller); a stale version is refused. */
    @Transactional
    public HandoffRules change(HandoffRules rules) {
        HandoffSettings current = settings.findFirstBy().orElseGet(HandoffSettings::new);
        if (current.id != null && current.version != rules.version()) {
            throw new ObjectOptimisticLockingFailureException(HandoffSettings.class, current.id);
        }
        current.slaHours = rules.slaHours();
        current.rejectionReasons = String.join("\n",
                new LinkedHashSet<>(rules.rejectionReasons().stream().map(String::strip).toList()));
        settings.saveAndFlush(current);
        return current.toRules();
    }

    /** The reason as the workspace lists it; {@link IllegalArgumentException} for one it does not offer. */
    String requireReason(String reason) {
        List<String> offered = rules().rejectionReasons();
        String given = reason == null ? "" : reason.strip();
        return offered.stream().filter(r -> r.equalsIgnoreCase(given)).findFirst().orElseThrow(
                () -> new org.pipelinecrm.shared.InvalidInputException("reason", "problem.field.one-of",
                        "reason: not one of " + String.join(", ", offered), String.join(", ", offered)));
    }
}
