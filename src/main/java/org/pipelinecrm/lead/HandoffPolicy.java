package org.pipelinecrm.lead;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current workspace's handoff rules: the SLA of the inbox and the reasons a rejection may give. */
@Service
@Transactional(readOnly = true)
public class HandoffPolicy {

    /** The reason every workspace offers besides its own list; it says nothing by itself, so it needs a note. */
    public static final String OTHER = "OTHER";

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
        current.rejectionReasons = String.join(
                "\n",
                new LinkedHashSet<>(
                        rules.rejectionReasons().stream().map(String::strip).toList()));
        settings.saveAndFlush(current);
        return current.toRules();
    }

    /** The reasons a rejection may give: the workspace's, then {@link #OTHER}. */
    public List<String> rejectionChoices() {
        List<String> offered = new ArrayList<>(rules().rejectionReasons());
        if (offered.stream().noneMatch(OTHER::equalsIgnoreCase)) {
            offered.add(OTHER);
        }
        return offered;
    }

    /**
     * The reason as the workspace lists it; a field error for one it does not offer, or for {@link #OTHER}
     * without a note.
     */
    String requireReason(String reason, String note) {
        List<String> offered = rejectionChoices();
        String given = reason == null ? "" : reason.strip();
        String found = offered.stream()
                .filter(r -> r.equalsIgnoreCase(given))
                .findFirst()
                .orElseThrow(() -> new org.pipelinecrm.shared.InvalidInputException(
                        "reason",
                        "problem.field.one-of",
                        "reason: not one of " + String.join(", ", offered),
                        String.join(", ", offered)));
        if (OTHER.equals(found) && (note == null || note.isBlank())) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "note", "lead.inbox.noteNeeded", "note: needed when the reason is " + OTHER);
        }
        return found;
    }
}
