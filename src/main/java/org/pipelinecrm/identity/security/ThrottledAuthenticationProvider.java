package org.pipelinecrm.identity.security;

import java.util.Optional;
import org.pipelinecrm.identity.SignInDelays;
import org.pipelinecrm.identity.UnlockLinks;
import org.pipelinecrm.shared.database.DatabaseUnavailable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Password sign-in (form and HTTP Basic) that slows guessing down: past a few failures for an account
 * or an address, each attempt must wait a growing delay ({@link SignInDelays}); nobody is locked out.
 * When an account's delays begin, its owner is offered an unlock link by e-mail.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private final SignInDelays delays;
    private final UnlockLinks unlockLinks;

    ThrottledAuthenticationProvider(UserDetailsService users, SignInDelays delays, UnlockLinks unlockLinks) {
        super(users);
        this.delays = delays;
        this.unlockLinks = unlockLinks;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String email = String.valueOf(authentication.getName());
        String address =
                authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        Optional<java.time.Duration> wait = delays.waitBefore(email, address);
        if (wait.isPresent()) {
            throw new TooManyAttemptsException(wait.get());
        }
        try {
            Authentication result = super.authenticate(authentication);
            delays.recordSuccess(email);
            return result;
        } catch (BadCredentialsException e) {
            if (delays.recordFailure(email, address)) {
                unlockLinks.offer(email, baseUrl());
            }
            throw e;
        } catch (InternalAuthenticationServiceException e) {
            // the database is away: answered 503 "try again shortly" by DatabaseUnavailableFilter, never "wrong
            // password"
            if (DatabaseUnavailable.isCause(e) && e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** This server's address as the browser sees it, for the link in the e-mail. */
    private static String baseUrl() {
        try {
            return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        } catch (IllegalStateException outsideARequest) {
            return "";
        }
    }
}
