package org.pipelinecrm.qualification.web;

import java.time.LocalDate;
import org.pipelinecrm.qualification.LetterStatus;
import org.pipelinecrm.qualification.LevelStatus;
import org.pipelinecrm.qualification.QualificationCmd;
import org.pipelinecrm.qualification.QualificationCmd.Answer;
import org.pipelinecrm.qualification.QualificationCmd.TimelineAnswer;
import org.springframework.format.annotation.DateTimeFormat;

/** The scorecard form of the lead page, field by field. */
record ScorecardForm(
        LetterStatus budgetStatus,
        String budgetNote,
        LetterStatus authorityStatus,
        String authorityNote,
        LetterStatus needStatus,
        String needNote,
        LetterStatus timelineStatus,
        String timelineNote,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expectedPurchaseDate,
        LevelStatus organizationLevel,
        LevelStatus opportunityLevel,
        LevelStatus stakeholderLevel,
        Long version) {

    QualificationCmd toCmd() {
        return new QualificationCmd(
                new Answer(budgetStatus, budgetNote),
                new Answer(authorityStatus, authorityNote),
                new Answer(needStatus, needNote),
                new TimelineAnswer(timelineStatus, timelineNote, expectedPurchaseDate),
                organizationLevel,
                opportunityLevel,
                stakeholderLevel,
                version);
    }
}
