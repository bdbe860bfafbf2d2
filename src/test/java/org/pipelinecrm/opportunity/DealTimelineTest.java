package org.pipelinecrm.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Timeline;
import org.pipelinecrm.activity.TimelineEntry;
import org.pipelinecrm.identity.CurrentUser;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.support.IntegrationTest;
import org.pipelinecrm.support.TestWorkspaces;
import org.springframework.beans.factory.annotation.Autowired;

/** A deal's timeline shows its stage changes and who edited which field, from what to what. */
@IntegrationTest
class DealTimelineTest {

    @Autowired
    TestWorkspaces workspaces;

    @Autowired
    Opportunities opportunities;

    @Autowired
    DealMoves moves;

    @Autowired
    Pipelines pipelines;

    @Autowired
    Timeline timeline;

    @Test
    void stageChangesAndFieldEditsAreOnTheTimelineNewestFirstAndFilterable() {
        var ws = workspaces.create();
        String admin = ws.adminEmail();
        PipelineView pipeline = workspaces.as(admin, () -> pipelines.visible().get(0));
        long deal = workspaces.as(
                admin,
                () -> opportunities
                        .create(new Opportunities.CreateCmd(
                                "Hooli pilot",
                                null,
                                null,
                                pipeline.id(),
                                null,
                                new BigDecimal("1000"),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null))
                        .id());
        workspaces.as(admin, () -> moves.move(deal, pipeline.openStages().get(1).id(), 0, null, null));
        workspaces.as(
                admin,
                () -> opportunities.change(
                        deal,
                        new Opportunities.ChangeCmd(
                                null,
                                null,
                                null,
                                new BigDecimal("2500.00"),
                                null,
                                null,
                                "Referral",
                                null,
                                null,
                                null,
                                1L)));

        List<TimelineEntry> all = workspaces
                .as(admin, () -> timeline.of(RecordType.OPPORTUNITY, deal, null, 0, CurrentUser.actor()))
                .entries();
        assertThat(all).extracting(TimelineEntry::kind).containsExactly("EDIT", "EDIT", "STAGE_CHANGE", "STAGE_CHANGE");
        assertThat(all)
                .extracting(TimelineEntry::title)
                .contains(
                        "Changed Amount",
                        "Changed Source",
                        "Moved to " + pipeline.openStages().get(1).name(),
                        "Created in " + pipeline.openStages().get(0).name());
        assertThat(all).extracting(TimelineEntry::detail).contains("$1,000.00 → $2,500.00", "(empty) → Referral");
        assertThat(all).allSatisfy(e -> assertThat(e.actor()).isEqualTo("Admin " + ws.suffix()));

        List<TimelineEntry> edits = workspaces
                .as(admin, () -> timeline.of(RecordType.OPPORTUNITY, deal, "edit", 0, CurrentUser.actor()))
                .entries();
        assertThat(edits).extracting(TimelineEntry::kind).containsOnly("EDIT").hasSize(2);

        // Saving the form unchanged records no edit.
        workspaces.as(
                admin,
                () -> opportunities.change(
                        deal,
                        new Opportunities.ChangeCmd(
                                null,
                                null,
                                null,
                                new BigDecimal("2500"),
                                null,
                                null,
                                "Referral",
                                null,
                                null,
                                null,
                                2L)));
        assertThat(workspaces
                        .as(admin, () -> timeline.of(RecordType.OPPORTUNITY, deal, "EDIT", 0, CurrentUser.actor()))
                        .entries())
                .hasSize(2);

        // Amounts, probabilities and dates read as the reader writes them: Solar Hijri and Persian digits in Persian.
        workspaces.as(
                admin,
                () -> opportunities.change(
                        deal,
                        new Opportunities.ChangeCmd(
                                null,
                                null,
                                null,
                                null,
                                java.time.LocalDate.of(2027, 3, 21),
                                60,
                                null,
                                null,
                                null,
                                null,
                                2L)));
        List<String> english = workspaces
                .as(admin, () -> timeline.of(RecordType.OPPORTUNITY, deal, "EDIT", 0, CurrentUser.actor()))
                .entries()
                .stream()
                .map(TimelineEntry::detail)
                .toList();
        assertThat(english)
                .contains("(empty) → Mar 21, 2027")
                .anySatisfy(d -> assertThat(d).endsWith("→ 60%"));
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag("fa"));
        try {
            List<String> persian = workspaces
                    .as(admin, () -> timeline.of(RecordType.OPPORTUNITY, deal, "EDIT", 0, CurrentUser.actor()))
                    .entries()
                    .stream()
                    .map(TimelineEntry::detail)
                    .toList();
            assertThat(persian)
                    .anySatisfy(d -> assertThat(d).contains("فروردین").contains("۱۴۰۶"));
            assertThat(persian).anySatisfy(d -> assertThat(d).contains("۲٬۵۰۰").doesNotContainPattern("[0-9]"));
            assertThat(persian).anySatisfy(d -> assertThat(d).endsWith("→ ۶۰%"));
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.resetLocaleContext();
        }
    }
}
