package org.pipelinecrm.qualification;

/** One thing that keeps a lead from being qualified: a letter not MET or a level not PASSED. */
public record Blocker(Topic topic, String status, String message) {

    static Blocker of(Topic topic, Enum<?> status) {
        String what = topic.isLetter() ? topic.name().charAt(0) + topic.name().substring(1).toLowerCase()
                : topic.name().charAt(0) + topic.name().substring(1).toLowerCase() + " level";
        String state = status.name().equals("UNKNOWN") ? "is not known yet" : status.name().equals("NOT_MET")
                ? "is not met" : "failed";
        return new Blocker(topic, status.name(), what + " " + state);
    }
}
