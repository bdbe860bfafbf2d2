package org.pipelinecrm.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.pipelinecrm.shared.TenantOwned;

@Entity
@Table(name = "app_user")
class AppUser extends TenantOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE)
    private Long id;

    private String email;
    private String name;
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    private Role role;

    private Long teamId;
    private boolean active = true;
    private String locale = "en";
    private boolean former;

    /** Null: the role's start page. */
    @Enumerated(EnumType.STRING)
    private StartPage startPage;

    @Column(updatable = false)
    private Instant createdAt = Instant.now();

    @Version
    private long version;

    protected AppUser() {}

    AppUser(String email, String name, String passwordHash, Role role, Long teamId) {
        this.email = email.trim().toLowerCase();
        this.name = name.trim();
        this.passwordHash = passwordHash;
        this.role = role;
        this.teamId = teamId;
    }

    /**
     * A rep named by an imported history who is not a person here: no password, cannot sign in, and an address
     * that cannot receive mail (the column needs one, unique across workspaces).
     */
    static AppUser former(String name) {
        AppUser user = new AppUser(
                "former-" + java.util.UUID.randomUUID() + "@former.invalid", name, null, Role.SALES_REP, null);
        user.active = false;
        user.former = true;
        return user;
    }

    boolean isFormer() {
        return former;
    }

    void assign(Role role, Long teamId) {
        this.role = role;
        this.teamId = teamId;
    }

    void rename(String name) {
        this.name = name.trim();
    }

    void deactivate() {
        this.active = false;
    }

    void reactivate() {
        this.active = true;
    }

    void changePassword(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    void preferStartPage(StartPage page) {
        this.startPage = page;
    }

    StartPage getStartPage() {
        return startPage;
    }

    void preferLocale(String locale) {
        this.locale = locale;
    }

    Long getId() {
        return id;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    Role getRole() {
        return role;
    }

    long getVersion() {
        return version;
    }

    UserSummary toSummary() {
        return new UserSummary(id, email, name, role, teamId, active, locale, version, former);
    }
}
