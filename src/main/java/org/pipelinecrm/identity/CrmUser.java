package org.pipelinecrm.identity;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in person: who, in which workspace, with which role and team. */
public final class CrmUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final long tenantId;
    private final String email;
    private final String name;
    private final Role role;
    private final Long teamId;
    private final boolean active;
    private final String locale;
    private String passwordHash;

    public CrmUser(
            long id,
            long tenantId,
            String email,
            String name,
            Role role,
            Long teamId,
            boolean active,
            String locale,
            String passwordHash) {
        this.id = id;
        this.tenantId = tenantId;
        this.email = email;
        this.name = name;
        this.role = role;
        this.teamId = teamId;
        this.active = active;
        this.locale = locale;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return id;
    }

    public long tenantId() {
        return tenantId;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public Role role() {
        return role;
    }

    public Long teamId() {
        return teamId;
    }

    public String locale() {
        return locale;
    }

    public boolean is(Role candidate) {
        return role == candidate;
    }

    /** Managers and admins see the whole workspace; reps and marketers see their own and their team's. */
    public boolean seesWholeWorkspace() {
        return role == Role.ADMIN || role == Role.MANAGER;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
