package org.pipelinecrm.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pipelinecrm.shared.Digits;
import org.pipelinecrm.shared.TenantOwned;

/** A person at an account. */
@Entity
class Contact extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private Long accountId;
    private String firstName;
    private String lastName;
    private String email;
    private String phone;
    private String title;

    @Enumerated(EnumType.STRING)
    private BuyingRole buyingRole;

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    // Who changed it last, for a stale edit's answer.
    private Long changedBy;
    private Instant changedAt;
    // The values of the workspace's custom fields, {key: value}; the customfield module checks what goes in.
    @org.hibernate.annotations.ColumnTransformer(write = "cast(? as jsonb)")
    @Column(columnDefinition = "jsonb")
    private String customFields = "{}";

    @Version
    private long version;

    protected Contact() {}

    Contact(long accountId, Accounts.ContactCmd cmd) {
        change(accountId, cmd);
    }

    void change(long accountId, Accounts.ContactCmd cmd) {
        this.accountId = accountId;
        this.firstName = Account.blankless(cmd.firstName());
        this.lastName = cmd.lastName().trim();
        this.email = Account.blankless(cmd.email());
        this.phone = Digits.phone(cmd.phone());
        this.title = Account.blankless(cmd.title());
        this.buyingRole = cmd.buyingRole();
    }

    void changedBy(long by, Instant at) {
        changedBy = by;
        changedAt = at;
    }

    java.util.Optional<java.util.Map.Entry<Long, Instant>> lastChange() {
        return changedBy == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(java.util.Map.entry(changedBy, changedAt));
    }

    String getCustomFields() {
        return customFields;
    }

    /** New custom field values, as {@code CustomFields.write} checked and merged them. */
    void fillIn(String customFields) {
        this.customFields = customFields;
    }

    long getVersion() {
        return version;
    }

    ContactSummary toSummary() {
        return new ContactSummary(
                id, accountId, firstName, lastName, email, phone, title, buyingRole, version, java.util.Map.of());
    }
}
