package org.pipelinecrm.qualification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pipelinecrm.lead.TimelineFacts;
import org.pipelinecrm.qualification.QualificationCmd.Answer;
import org.pipelinecrm.qualification.QualificationCmd.TimelineAnswer;
import org.pipelinecrm.shared.TenantOwned;

/** The BANT scorecard of one lead: four letters, three levels, and the rule that decides "qualified". */
@Entity
@Table(name = "qualification")
class Scorecard extends TenantOwned {

    /** "If the customer buys next year, put them in the lost queue": further out than this suggests nurture. */
    static final int NURTURE_AFTER_MONTHS = 12;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "qualification_seq")
    @SequenceGenerator(name = "qualification_seq", sequenceName = "qualification_seq", allocationSize = 50)
    private Long id;

    private long leadId;

    @Enumerated(EnumType.STRING)
    private LetterStatus budgetStatus = LetterStatus.UNKNOWN;

    private String budgetNote;

    @Enumerated(EnumType.STRING)
    private LetterStatus authorityStatus = LetterStatus.UNKNOWN;

    private String authorityNote;

    @Enumerated(EnumType.STRING)
    private LetterStatus needStatus = LetterStatus.UNKNOWN;

    private String needNote;

    @Enumerated(EnumType.STRING)
    private LetterStatus timelineStatus = LetterStatus.UNKNOWN;

    private String timelineNote;
    private LocalDate expectedPurchaseDate;

    @Enumerated(EnumType.STRING)
    private LevelStatus organizationLevel = LevelStatus.UNKNOWN;

    @Enumerated(EnumType.STRING)
    private LevelStatus opportunityLevel = LevelStatus.UNKNOWN;

    @Enumerated(EnumType.STRING)
    private LevelStatus stakeholderLevel = LevelStatus.UNKNOWN;

    private Long updatedBy;
    private Instant updatedAt = Instant.now();

    @Version
    private long version;

    protected Scorecard() {}

    Scorecard(long leadId) {
        this.leadId = leadId;
    }

    /**
     * Takes the rep's answers; returns what changed as codes for the lead's timeline (BUDGET=MET, BUDGET_NOTE=…),
     * worded for each reader by {@link ScorecardChangeWording}; empty when nothing did.
     */
    TimelineFacts answer(QualificationCmd cmd, long by) {
        TimelineFacts changes = TimelineFacts.none();
        Answer b = orUnknown(cmd.budget());
        Answer a = orUnknown(cmd.authority());
        Answer n = orUnknown(cmd.need());
        TimelineAnswer t = cmd.timeline() == null ? new TimelineAnswer(null, null, null) : cmd.timeline();
        budgetStatus = changed(changes, "BUDGET", budgetStatus, status(b.status()));
        budgetNote = noteChanged(changes, "BUDGET_NOTE", budgetNote, b.note());
        authorityStatus = changed(changes, "AUTHORITY", authorityStatus, status(a.status()));
        authorityNote = noteChanged(changes, "AUTHORITY_NOTE", authorityNote, a.note());
        needStatus = changed(changes, "NEED", needStatus, status(n.status()));
        needNote = noteChanged(changes, "NEED_NOTE", needNote, n.note());
        timelineStatus = changed(changes, "TIMELINE", timelineStatus, status(t.status()));
        timelineNote = noteChanged(changes, "TIMELINE_NOTE", timelineNote, t.note());
        expectedPurchaseDate = changed(changes, "EXPECTED_PURCHASE", expectedPurchaseDate, t.expectedPurchaseDate());
        organizationLevel = changed(changes, "ORGANIZATION_LEVEL", organizationLevel, level(cmd.organizationLevel()));
        opportunityLevel = changed(changes, "OPPORTUNITY_LEVEL", opportunityLevel, level(cmd.opportunityLevel()));
        stakeholderLevel = changed(changes, "STAKEHOLDER_LEVEL", stakeholderLevel, level(cmd.stakeholderLevel()));
        if (!changes.isEmpty()) {
            updatedBy = by;
            updatedAt = Instant.now();
        }
        return changes;
    }

    /** Every letter not MET and every level not PASSED, in BANT order, then the levels. */
    List<Blocker> blockers() {
        List<Blocker> blockers = new ArrayList<>();
        letter(blockers, Topic.BUDGET, budgetStatus);
        letter(blockers, Topic.AUTHORITY, authorityStatus);
        letter(blockers, Topic.NEED, needStatus);
        letter(blockers, Topic.TIMELINE, timelineStatus);
        level(blockers, Topic.ORGANIZATION, organizationLevel);
        level(blockers, Topic.OPPORTUNITY, opportunityLevel);
        level(blockers, Topic.STAKEHOLDER, stakeholderLevel);
        return blockers;
    }

    boolean qualified() {
        return blockers().isEmpty();
    }

    /** A purchase planned more than twelve months out belongs in nurture, not in the pipeline. */
    boolean suggestsNurture(LocalDate today) {
        return expectedPurchaseDate != null && expectedPurchaseDate.isAfter(today.plusMonths(NURTURE_AFTER_MONTHS));
    }

    boolean isNew() {
        return id == null;
    }

    long version() {
        return version;
    }

    QualificationView toView(LocalDate today) {
        return new QualificationView(
                leadId,
                new Answer(budgetStatus, budgetNote),
                new Answer(authorityStatus, authorityNote),
                new Answer(needStatus, needNote),
                new TimelineAnswer(timelineStatus, timelineNote, expectedPurchaseDate),
                organizationLevel,
                opportunityLevel,
                stakeholderLevel,
                version,
                qualified(),
                blockers(),
                suggestsNurture(today),
                updatedBy,
                id == null ? null : updatedAt);
    }

    private static void letter(List<Blocker> blockers, Topic topic, LetterStatus status) {
        if (status != LetterStatus.MET) {
            blockers.add(Blocker.of(topic, status));
        }
    }

    private static void level(List<Blocker> blockers, Topic topic, LevelStatus status) {
        if (status != LevelStatus.PASSED) {
            blockers.add(Blocker.of(topic, status));
        }
    }

    private static Answer orUnknown(Answer answer) {
        return answer == null ? new Answer(null, null) : answer;
    }

    private static LetterStatus status(LetterStatus s) {
        return s == null ? LetterStatus.UNKNOWN : s;
    }

    private static LevelStatus level(LevelStatus s) {
        return s == null ? LevelStatus.UNKNOWN : s;
    }

    /** Notes a changed answer; a value taken away is stored empty. */
    private static <T> T changed(TimelineFacts changes, String code, T before, T after) {
        if (!Objects.equals(before, after)) {
            changes.and(code, after);
        }
        return after;
    }

    private static String noteChanged(TimelineFacts changes, String code, String before, String after) {
        String note = after == null || after.isBlank() ? null : after.trim();
        return changed(changes, code, before, note);
    }
}
