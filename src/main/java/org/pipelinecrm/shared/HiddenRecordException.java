package org.pipelinecrm.shared;

/**
 * A record of the signed-in person's own workspace that their role and team do not let them see. The API answers
 * it as any missing record (404); a page says why, in the reader's language, from {@code messageKey} and its
 * arguments. Never thrown for another workspace's id: that one does not exist here at all.
 */
public class HiddenRecordException extends NotFoundException {

    private final String messageKey;
    private final Object[] arguments;
    private String link;

    public HiddenRecordException(String what, Object id, String messageKey, Object... arguments) {
        super(what, id);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String getMessageKey() {
        return messageKey;
    }

    public Object[] getArguments() {
        return arguments;
    }

    /** The same, with the page of the record that decides who sees this one (the page that says why). */
    public HiddenRecordException at(String link) {
        this.link = link;
        return this;
    }

    /** The page that explains further (an activity's or task's record), or null. */
    public String getLink() {
        return link;
    }
}
