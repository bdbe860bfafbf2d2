package org.pipelinecrm.lead;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The stored form of a timeline entry's facts: whatever a person typed into a value comes back as typed. */
class TimelineFactsTest {

    @Test
    void typedValuesSurviveTheStoredForm() {
        String note = "Budget; 50% approved = yes %3B";
        String stored = TimelineFacts.of("BUDGET", "MET")
                .and("BUDGET_NOTE", note)
                .and("NEED_NOTE", null)
                .encode();
        assertThat(stored).startsWith("BUDGET=MET;BUDGET_NOTE=").endsWith(";NEED_NOTE=");
        var facts = TimelineFacts.parse(stored).orElseThrow();
        assertThat(facts.asMap())
                .containsExactly(
                        java.util.Map.entry("BUDGET", "MET"),
                        java.util.Map.entry("BUDGET_NOTE", note),
                        java.util.Map.entry("NEED_NOTE", ""));
    }

    @Test
    void englishSentencesAndTypedNotesAreNotFacts() {
        assertThat(TimelineFacts.parse("Budget: MET · Need: NOT_MET")).isEmpty();
        assertThat(TimelineFacts.parse("Score 55 reached the MQL threshold 50")).isEmpty();
        assertThat(TimelineFacts.parse("MQL from Webinar")).isEmpty();
        assertThat(TimelineFacts.parse("")).isEmpty();
        assertThat(TimelineFacts.parse(null)).isEmpty();
    }
}
