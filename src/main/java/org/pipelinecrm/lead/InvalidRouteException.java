package org.pipelinecrm.lead;

/** A web-form route that cannot be kept; the message key says why, in the reader's language. */
public class InvalidRouteException extends RuntimeException {

    private final String messageKey;

    InvalidRouteException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String getMessageKey() {
        return messageKey;
    }
}
