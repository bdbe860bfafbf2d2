package org.pipelinecrm.identity.security;

import java.time.Duration;

import org.pipelinecrm.shared.RateLimiter;
import org.pipelinecrm.shared.database.DatabaseUnavailable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Password sign-in (form and HTTP Basic) that stops answering an account or an address after too
 * many failures within the window, so passwords cannot be guessed at speed.
 */
class ThrottledAuthenticationProvider extends DaoAuthenticationProvider {

    private static final Duration WINDOW = Duration.ofMinutes(15);

    private final RateLimiter limiter;
    private final int perAccount;
    private final int perAddress;

    ThrottledAuthenticationProvider(UserDetailsService users, RateLimiter limiter, int perAccount, int perAddress) {
        super(users);
        this.limiter = limiter;
        this.perAccount = perAccount;
        this.perAddress = perAddress;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String account = "login-account:" + String.valueOf(authentication.getName()).trim().toLowerCase();
        String address = "login-address:" + (authentication.getDetails() instanceof WebAuthenticationDetails d
                ? d.getRemoteAddress() : "unknown");
        if (limiter.isExhausted(account, perAccount, WINDOW) || limiter.isExhausted(address, perAddress, WINDOW)) {
            throw new TooManyAttemptsException();
        }
        try {
            return super.authenticate(authentication);
        } catch (BadCredentialsException e) {
            limiter.tryAcquire(account, perAccount, WINDOW);
            limiter.tryAcquire(address, perAddress, WINDOW);
            throw e;
        } catch (InternalAuthenticationServiceException e) {
            // the database is away: answered 503 "try again shortly" by DatabaseUnavailableFilter, never "wrong password"
            if (DatabaseUnavailable.isCause(e) && e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
