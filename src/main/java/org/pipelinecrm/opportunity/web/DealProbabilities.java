package org.pipelinecrm.opportunity.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.opportunity.BoardColumn;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.shared.PageOf;
import org.pipelinecrm.winmodel.WinProbabilities;
import org.pipelinecrm.winmodel.WinProbability;
import org.springframework.stereotype.Component;

/**
 * Adds each open deal's {@code winProbability} to what the API answers: one scoring call per answer (a page of the
 * list, all the board's cards), never one per deal. A closed deal's is null.
 */
@Component
class DealProbabilities {

    private final WinProbabilities probabilities;

    DealProbabilities(WinProbabilities probabilities) {
        this.probabilities = probabilities;
    }

    record Deal(@JsonUnwrapped OpportunityView deal, WinProbability winProbability) {}

    record Card(@JsonUnwrapped BoardColumn.Card card, WinProbability winProbability) {}

    record Column(
            long stageId,
            String name,
            StageKind kind,
            long count,
            BigDecimal amount,
            BigDecimal weightedAmount,
            Integer rottingDays,
            List<Card> items,
            String nextCursor) {}

    Deal of(OpportunityView deal) {
        return new Deal(deal, probabilities.of(deal.id()).orElse(null));
    }

    PageOf<Deal> of(PageOf<OpportunityView> page) {
        Map<Long, WinProbability> p =
                probabilities.of(page.items().stream().map(OpportunityView::id).toList());
        return new PageOf<>(
                page.items().stream().map(d -> new Deal(d, p.get(d.id()))).toList(),
                page.page(),
                page.size(),
                page.total());
    }

    List<Column> of(List<BoardColumn> columns) {
        Map<Long, WinProbability> p = probabilities.of(columns.stream()
                .flatMap(c -> c.items().stream())
                .map(BoardColumn.Card::id)
                .toList());
        return columns.stream()
                .map(c -> new Column(
                        c.stageId(),
                        c.name(),
                        c.kind(),
                        c.count(),
                        c.amount(),
                        c.weightedAmount(),
                        c.rottingDays(),
                        c.items().stream()
                                .map(card -> new Card(card, p.get(card.id())))
                                .toList(),
                        c.nextCursor()))
                .toList();
    }
}
