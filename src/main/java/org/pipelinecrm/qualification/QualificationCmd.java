package org.pipelinecrm.qualification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The whole scorecard as the rep sends it; a letter or level left out stays UNKNOWN. */
public record QualificationCmd(
        @Valid Answer budget,
        @Valid Answer authority,
        @Valid Answer need,
        @Valid TimelineAnswer timeline,
        LevelStatus organizationLevel,
        LevelStatus opportunityLevel,
        LevelStatus stakeholderLevel,
        Long version) {

    public record Answer(
            LetterStatus status, @Size(max = 2000) String note) {}

    public record TimelineAnswer(
            LetterStatus status, @Size(max = 2000) String note, LocalDate expectedPurchaseDate) {}
}
