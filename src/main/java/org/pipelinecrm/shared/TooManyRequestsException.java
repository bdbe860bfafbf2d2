package org.pipelinecrm.shared;

/** A rate limit was hit: 429 in the API. */
public class TooManyRequestsException extends RuntimeException {

    public TooManyRequestsException(String message) {
        super(message);
    }
}
