package org.pipelinecrm.shared;

/**
 * An action the record's current state does not allow (an illegal transition, a stale version):
 * 409 in the API, a message on the page. {@code messageKey} names the localized explanation.
 */
public class ConflictException extends RuntimeException {

    private final String messageKey;
    private final Object[] arguments;

    public ConflictException(String messageKey, String defaultMessage, Object... arguments) {
        super(defaultMessage);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments;
    }

    /** What the API's problem carries besides its code and detail (e.g. the existing record's id); none by default. */
    public java.util.Map<String, Object> problemProperties() {
        return java.util.Map.of();
    }
}
