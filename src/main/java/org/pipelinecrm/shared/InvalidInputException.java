package org.pipelinecrm.shared;

/**
 * Input the caller can correct: 400 in the API with the field that is wrong, a message on the page.
 * {@code messageKey} names the explanation in the reader's language; the default message is English, for logs.
 * It is an {@link IllegalArgumentException} so that code catching those for a row or a form keeps doing so.
 */
public class InvalidInputException extends IllegalArgumentException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public InvalidInputException(String field, String messageKey, String defaultMessage, Object... arguments) {
        super(defaultMessage);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    /** The field or parameter that is wrong; null when it is the request as a whole. */
    public String getField() {
        return field;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments == null ? new Object[0] : arguments.clone();
    }
}
