package org.pipelinecrm.identity.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt during an account's (or address's) delay: refused without checking the password. */
class TooManyAttemptsException extends AuthenticationException {

    private final long retryAfterSeconds;

    TooManyAttemptsException(Duration wait) {
        super("Too many failed sign-in attempts; try again in " + seconds(wait) + " seconds");
        this.retryAfterSeconds = seconds(wait);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }
}
