package org.pipelinecrm.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import org.pipelinecrm.shared.CrmSettings;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.RateLimiter;
import org.springframework.stereotype.Component;

/** Sign-up can be switched off, and each address may create only a few workspaces an hour. */
@Component
class SignupGate {

    private final boolean enabled;
    private final int perHour;
    private final RateLimiter limiter;

    SignupGate(CrmSettings settings, RateLimiter limiter) {
        this.enabled = settings.signup().enabled();
        this.perHour = settings.signup().perAddressPerHour();
        this.limiter = limiter;
    }

    void checkOpen() {
        if (!enabled) {
            throw new NotFoundException("Page", "signup");
        }
    }

    boolean admit(HttpServletRequest request) {
        return limiter.tryAcquire("signup:" + request.getRemoteAddr(), perHour, Duration.ofHours(1));
    }
}
