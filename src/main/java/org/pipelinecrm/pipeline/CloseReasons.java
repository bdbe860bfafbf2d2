package org.pipelinecrm.pipeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The workspace's lists of reasons deals are won and lost: admins add, rename and deactivate entries. */
@Service
@Transactional(readOnly = true)
public class CloseReasons {

    private final CloseReasonRepository reasons;

    CloseReasons(CloseReasonRepository reasons) {
        this.reasons = reasons;
    }

    /** Every reason of the outcome, deactivated ones too (for the settings page and old deals' labels). */
    public List<CloseReasonView> all(StageKind outcome) {
        return reasons.findAllByOutcomeOrderByPositionAsc(outcome).stream()
                .map(CloseReason::toView)
                .toList();
    }

    public CloseReasonView reason(long id) {
        return reasons.findById(id).map(CloseReason::toView).orElseThrow(() -> new NotFoundException("Reason", id));
    }

    /** The reasons a person may pick when closing a deal now. */
    public List<CloseReasonView> active(StageKind outcome) {
        return all(outcome).stream().filter(CloseReasonView::active).toList();
    }

    /** The active reason a caller meant, by its code or its label, ignoring case. */
    public Optional<CloseReasonView> find(StageKind outcome, String codeOrLabel) {
        if (codeOrLabel == null || codeOrLabel.isBlank()) {
            return Optional.empty();
        }
        String wanted = codeOrLabel.trim().toLowerCase(Locale.ROOT);
        return active(outcome).stream()
                .filter(r -> r.code().toLowerCase(Locale.ROOT).equals(wanted)
                        || r.label().toLowerCase(Locale.ROOT).equals(wanted))
                .findFirst();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public CloseReasonView add(AddCmd cmd) {
        String label = cmd.label().trim();
        List<CloseReasonView> existing = all(cmd.outcome());
        if (existing.stream().anyMatch(r -> r.label().equalsIgnoreCase(label))) {
            throw new ConflictException("reason.duplicate", "That reason is in the list already");
        }
        String code = CloseReason.codeFor(label);
        String unique = code;
        for (int i = 2; reasons.existsByOutcomeAndCode(cmd.outcome(), unique); i++) {
            unique = code + "_" + i;
        }
        return reasons.saveAndFlush(new CloseReason(cmd.outcome(), unique, label, existing.size(), false))
                .toView();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public CloseReasonView rename(long id, String label, long version) {
        CloseReason reason = load(id, version);
        String wanted = label.trim();
        CloseReasonView before = reason.toView();
        if (all(before.outcome()).stream()
                .anyMatch(r -> r.id() != id && r.label().equalsIgnoreCase(wanted))) {
            throw new ConflictException("reason.duplicate", "That reason is in the list already");
        }
        reason.rename(wanted);
        reasons.flush();
        return reason.toView();
    }

    /** Deactivated reasons are no longer offered; deals closed with them keep them. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public CloseReasonView activate(long id, boolean active, long version) {
        CloseReason reason = load(id, version);
        if (!active
                && reason.isActive()
                && reason.toView().outcome() == StageKind.LOST
                && active(StageKind.LOST).size() == 1) {
            throw new ConflictException("reason.lastLossReason", "Lost deals need a reason: keep at least one active");
        }
        reason.activate(active);
        reasons.flush();
        return reason.toView();
    }

    void addStandard(StageKind outcome, String code, String label, int position) {
        reasons.save(new CloseReason(outcome, code, label, position, true));
    }

    private CloseReason load(long id, long version) {
        CloseReason reason = reasons.findById(id).orElseThrow(() -> new NotFoundException("Reason", id));
        if (reason.getVersion() != version) {
            throw new ObjectOptimisticLockingFailureException(CloseReason.class, id);
        }
        return reason;
    }

    public record AddCmd(
            @NotNull StageKind outcome,
            @NotBlank @Size(max = 80) String label) {}
}
