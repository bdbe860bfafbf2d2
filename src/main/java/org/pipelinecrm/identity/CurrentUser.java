package org.pipelinecrm.identity;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The person behind the current request. */
public final class CurrentUser {

    private CurrentUser() {}

    public static Optional<CrmUser> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CrmUser user ? Optional.of(user) : Optional.empty();
    }

    public static CrmUser get() {
        return find().orElseThrow(() -> new IllegalStateException("Nobody is signed in"));
    }

    /** The signed-in person as services take it; for the web edge only (controllers, page advice, filters). */
    public static Actor actor() {
        return Actor.of(get());
    }
}
