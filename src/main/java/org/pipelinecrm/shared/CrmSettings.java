package org.pipelinecrm.shared;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The product's own settings ({@code crm.*}, or {@code CRM_…} in the environment), validated at start-up: a
 * wrong value stops the start with its name instead of misbehaving later. The README's configuration table
 * lists each one with its default ({@code ConfigurationTableTest} holds the two together).
 */
@Validated
@ConfigurationProperties("crm")
public record CrmSettings(
        @Valid @DefaultValue EmbeddedDb embeddedDb,
        @Valid @DefaultValue Demo demo,
        @Valid @DefaultValue Signup signup,
        @Valid @DefaultValue Login login,
        @Valid @DefaultValue Security security,
        @Valid @DefaultValue Reminders reminders,
        @Valid @DefaultValue Forms forms,
        @Valid @DefaultValue Webhooks webhooks,
        @Valid @DefaultValue Secrets secrets) {

    /** The embedded PostgreSQL, used when no {@code SPRING_DATASOURCE_URL} is set (read before the context starts). */
    public record EmbeddedDb(@DefaultValue("./data/pg") String dataDir) {}

    /** The demo workspace on a new database; on by default only with the embedded database. */
    public record Demo(@DefaultValue("false") boolean enabled) {}

    public record Signup(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("10") @Min(1) int perAddressPerHour) {}

    /** Wrong passwords before each further attempt waits, and that wait, which doubles up to its maximum. */
    public record Login(
            @DefaultValue("5") @Min(1) int freeFailuresPerAccount,
            @DefaultValue("30s") Duration firstDelayPerAccount,
            @DefaultValue("15m") Duration maxDelayPerAccount,
            @DefaultValue("30") @Min(1) int freeFailuresPerAddress,
            @DefaultValue("5s") Duration firstDelayPerAddress,
            @DefaultValue("2m") Duration maxDelayPerAddress) {}

    public record Security(
            @DefaultValue("pipeline-crm") @NotBlank String rememberMeKey) {}

    public record Reminders(
            @DefaultValue("no-reply@localhost") @NotBlank @Email(regexp = ".+@.+")
            String from) {}

    public record Forms(
            @DefaultValue("20") @Min(1) int perAddressPerHour,
            @DefaultValue("1000") @Min(1) int perFormPerHour) {}

    /** Webhook targets on loopback or private networks are refused unless the installation allows them. */
    public record Webhooks(@DefaultValue("false") boolean allowPrivateTargets) {}

    /**
     * The key secrets kept in the database (webhook signing secrets) are encrypted with; unset, the embedded
     * database's data folder keeps a generated one, and with an external database a fixed development key is used.
     */
    public record Secrets(String key) {}
}
