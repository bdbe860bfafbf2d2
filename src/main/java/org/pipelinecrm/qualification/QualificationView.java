package org.pipelinecrm.qualification;

import java.time.Instant;
import java.util.List;
import org.pipelinecrm.qualification.QualificationCmd.Answer;
import org.pipelinecrm.qualification.QualificationCmd.TimelineAnswer;

/**
 * A lead's scorecard: {@code qualified} only when all four letters are MET and all three levels PASSED;
 * {@code blockers} says what is missing; {@code suggestNurture} when the purchase is more than 12 months out.
 */
public record QualificationView(
        long leadId,
        Answer budget,
        Answer authority,
        Answer need,
        TimelineAnswer timeline,
        LevelStatus organizationLevel,
        LevelStatus opportunityLevel,
        LevelStatus stakeholderLevel,
        long version,
        boolean qualified,
        List<Blocker> blockers,
        boolean suggestNurture,
        Long updatedBy,
        Instant updatedAt) {

    /** The status of a topic, for pages that walk the topics in order. */
    public String status(Topic topic) {
        return switch (topic) {
            case BUDGET -> budget.status().name();
            case AUTHORITY -> authority.status().name();
            case NEED -> need.status().name();
            case TIMELINE -> timeline.status().name();
            case ORGANIZATION -> organizationLevel.name();
            case OPPORTUNITY -> opportunityLevel.name();
            case STAKEHOLDER -> stakeholderLevel.name();
        };
    }

    public String note(Topic topic) {
        return switch (topic) {
            case BUDGET -> budget.note();
            case AUTHORITY -> authority.note();
            case NEED -> need.note();
            case TIMELINE -> timeline.note();
            default -> null;
        };
    }
}
