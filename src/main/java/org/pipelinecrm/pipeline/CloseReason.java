package org.pipelinecrm.pipeline;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.util.Locale;
import org.pipelinecrm.shared.TenantOwned;

/**
 * One entry of the workspace's list of reasons deals are won or lost. Its code never changes (closed deals
 * keep it); the label may be renamed, and a reason no longer wanted is deactivated rather than deleted.
 */
@Entity
class CloseReason extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    @Enumerated(EnumType.STRING)
    private StageKind outcome;

    private String code;
    private String label;
    private int position;
    private boolean active = true;
    /** Still the built-in label: shown translated into the reader's language. */
    private boolean standard;

    @Version
    private long version;

    protected CloseReason() {}

    CloseReason(StageKind outcome, String code, String label, int position, boolean standard) {
        this.outcome = outcome;
        this.code = code;
        this.label = label.trim();
        this.position = position;
        this.standard = standard;
    }

    /** A code from a label: upper case, words joined by underscores ("Lost to a partner" → LOST_TO_A_PARTNER). */
    static String codeFor(String label) {
        String code = label.trim()
                .toUpperCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", "_")
                .replaceAll("^_+|_+$", "");
        return code.isEmpty() ? "REASON" : code.length() > 60 ? code.substring(0, 60) : code;
    }

    void rename(String newLabel) {
        if (!newLabel.trim().equals(label)) {
            label = newLabel.trim();
            standard = false;
        }
    }

    void activate(boolean active) {
        this.active = active;
    }

    boolean isActive() {
        return active;
    }

    Long getId() {
        return id;
    }

    long getVersion() {
        return version;
    }

    CloseReasonView toView() {
        return new CloseReasonView(id, outcome, code, label, active, standard, version);
    }
}
