package org.pipelinecrm.qualification;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * One thing that keeps a lead from being qualified: a letter not MET or a level not PASSED. {@code message} is
 * English for API callers, who also get the codes; pages word it from the codes in the reader's language.
 */
public record Blocker(Topic topic, String status, String message) {

    static Blocker of(Topic topic, Enum<?> status) {
        String what = topic.isLetter()
                ? topic.name().charAt(0) + topic.name().substring(1).toLowerCase()
                : topic.name().charAt(0) + topic.name().substring(1).toLowerCase() + " level";
        String state = status.name().equals("UNKNOWN")
                ? "is not known yet"
                : status.name().equals("NOT_MET") ? "is not met" : "failed";
        return new Blocker(topic, status.name(), what + " " + state);
    }

    /** This blocker in the reader's language, e.g. "N — نیاز — برآورده نشده", for a message argument. */
    MessageSourceResolvable worded() {
        return new DefaultMessageSourceResolvable(
                new String[] {"qualification.blocker"},
                new Object[] {
                    new DefaultMessageSourceResolvable("qualification.topic." + topic),
                    new DefaultMessageSourceResolvable("qualification.state." + status)
                },
                message);
    }

    /** Several blockers as one message argument: "a, b, c" in the reader's language. */
    static MessageSourceResolvable worded(List<Blocker> blockers) {
        if (blockers.isEmpty()) {
            return new DefaultMessageSourceResolvable(new String[0], new Object[0], "");
        }
        MessageSourceResolvable list = blockers.get(blockers.size() - 1).worded();
        for (int i = blockers.size() - 2; i >= 0; i--) {
            list = new DefaultMessageSourceResolvable(
                    new String[] {"qualification.blockers.join"},
                    new Object[] {blockers.get(i).worded(), list},
                    blockers.get(i).message() + ", " + list.getDefaultMessage());
        }
        return list;
    }
}
