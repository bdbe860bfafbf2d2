package org.pipelinecrm.identity.security;

import org.springframework.security.core.AuthenticationException;

class TooManyAttemptsException extends AuthenticationException {

    TooManyAttemptsException() {
        super("Too many failed sign-in attempts; try again later");
    }
}
