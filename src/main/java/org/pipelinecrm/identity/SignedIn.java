package org.pipelinecrm.identity;

import java.util.function.Supplier;
import org.pipelinecrm.tenant.TenantContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Runs work on behalf of a person outside a request: background jobs, the demo workspace. */
@Component
public class SignedIn {

    private final UserLookup lookup;

    SignedIn(UserLookup lookup) {
        this.lookup = lookup;
    }

    public <T> T as(String email, Supplier<T> work) {
        CrmUser user = lookup.loadUserByUsername(email);
        user.eraseCredentials();
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try (TenantContext.Scope ignored = TenantContext.enter(user.tenantId())) {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public void as(String email, Runnable work) {
        as(email, () -> {
            work.run();
            return null;
        });
    }
}
