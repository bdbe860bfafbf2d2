package org.pipelinecrm.account;

import org.pipelinecrm.shared.ConflictException;

/** A new account that looks like one the workspace has (same normalised name or web domain). */
public class DuplicateAccountException extends ConflictException {

    private final AccountSummary existing;

    DuplicateAccountException(AccountSummary existing) {
        super("account.duplicate", "Likely the same company as account " + existing.id(), existing.name());
        this.existing = existing;
    }

    public AccountSummary existing() {
        return existing;
    }

    @Override
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of("existingId", existing().id());
    }
}
