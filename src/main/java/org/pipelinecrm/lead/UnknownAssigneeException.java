package org.pipelinecrm.lead;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import java.util.Set;

/**
 * An owner or team that is not of this workspace. A field error ({@code ownerId} / {@code teamId}) with its message
 * in the reader's language, so the API answers 400 with the field, and a page can show it by its message key.
 */
public class UnknownAssigneeException extends ConstraintViolationException {

    UnknownAssigneeException(Set<? extends ConstraintViolation<?>> violations) {
        super(violations);
    }

    private ConstraintViolation<?> first() {
        return getConstraintViolations().stream()
                .sorted((a, b) -> a.getPropertyPath()
                        .toString()
                        .compareTo(b.getPropertyPath().toString()))
                .findFirst()
                .orElseThrow();
    }

    public String field() {
        return first().getPropertyPath().toString();
    }

    /** The key of the message, e.g. {@code lead.owner.unknown}. */
    public String messageKey() {
        return first().getMessageTemplate().replaceAll("^\\{|}$", "");
    }
}
