package org.pipelinecrm.opportunity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** The fields of a deal whose hand edits are kept for its timeline, compared before and after a change. */
final class DealEdits {

    private static final List<Field> FIELDS = List.of(
            new Field("name", OpportunityView::name),
            new Field(
                    "amount",
                    v -> v.amount() == null
                            ? null
                            : v.amount().stripTrailingZeros().toPlainString()),
            new Field("probability", v -> v.probability() + "%"),
            new Field("expectedCloseDate", OpportunityView::expectedCloseDate),
            new Field("source", OpportunityView::source),
            new Field("industry", OpportunityView::industry),
            new Field("nextStep", OpportunityView::nextStep),
            new Field("account", OpportunityView::accountName),
            new Field("contact", OpportunityView::contactId),
            new Field("owner", OpportunityView::ownerName),
            new Field(
                    "forecastCategory",
                    v -> v.forecastCategory() == null
                            ? null
                            : v.forecastCategory().name() + (v.forecastCategoryOverridden() ? "" : "=STAGE")));

    private DealEdits() {}

    static List<DealEdit> between(OpportunityView before, OpportunityView after, long by, Instant at) {
        List<DealEdit> edits = new ArrayList<>();
        for (Field f : FIELDS) {
            String from = f.text(before);
            String to = f.text(after);
            if (!Objects.equals(from, to)) {
                edits.add(new DealEdit(after.id(), f.name(), from, to, by, at));
            }
        }
        return edits;
    }

    private record Field(String name, Function<OpportunityView, Object> value) {

        String text(OpportunityView view) {
            Object v = value.apply(view);
            return v == null || v.toString().isBlank() ? null : v.toString();
        }
    }
}
