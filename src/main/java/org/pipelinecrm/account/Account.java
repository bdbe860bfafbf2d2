package org.pipelinecrm.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;
import org.pipelinecrm.shared.TenantOwned;

/** A company we sell to. */
@Entity
class Account extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String name;
    private String normalizedName;
    private String domain;
    private String industry;
    private String companySize;
    private BigDecimal annualRevenue;
    private String country;

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

    protected Account() {}

    Account(Accounts.AccountCmd cmd) {
        change(cmd);
    }

    void change(Accounts.AccountCmd cmd) {
        this.name = cmd.name().trim();
        this.normalizedName = normalize(name);
        this.domain = normalizeDomain(cmd.domain());
        this.industry = blankless(cmd.industry());
        this.companySize = blankless(cmd.size());
        this.annualRevenue = cmd.annualRevenue();
        this.country = blankless(cmd.country());
    }

    static String blankless(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** "ACME, Inc." and "acme inc" are the same company. */
    static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}]+", " ")
                .trim()
                .replaceAll(" (inc|ltd|llc|gmbh|co|corp|plc)$", "");
    }

    /** "https://www.Acme.com/about" and "acme.com" are the same web domain. */
    static String normalizeDomain(String domain) {
        if (domain == null || domain.isBlank()) {
            return null;
        }
        String d = domain.trim()
                .toLowerCase(Locale.ROOT)
                .replaceFirst("^[a-z]+://", "")
                .replaceFirst("^www\\.", "");
        int end = d.indexOf('/');
        return end < 0 ? d : d.substring(0, end);
    }

    Long getId() {
        return id;
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

    String getName() {
        return name;
    }

    AccountSummary toSummary(long contacts) {
        return new AccountSummary(
                id, name, domain, industry, companySize, annualRevenue, country, contacts, version, java.util.Map.of());
    }
}
