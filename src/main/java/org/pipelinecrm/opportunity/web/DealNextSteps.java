package org.pipelinecrm.opportunity.web;

import java.util.List;
import java.util.Map;

import org.pipelinecrm.activity.NextStep;
import org.pipelinecrm.activity.RecordType;
import org.pipelinecrm.activity.Tasks;
import org.pipelinecrm.opportunity.BoardColumn.Card;
import org.springframework.stereotype.Component;

/**
 * The next step (earliest open task) of each card on a page of the board, asked for by the card template
 * ({@code @dealNextSteps.of(col.items)}) so that every page of cards, first or "load more", shows it.
 */
@Component("dealNextSteps")
public class DealNextSteps {

    private final Tasks tasks;

    DealNextSteps(Tasks tasks) {
        this.tasks = tasks;
    }

    public Map<Long, NextStep> of(List<Card> cards) {
        return tasks.nextOpenTasks(RecordType.OPPORTUNITY, cards.stream().map(Card::id).toList());
    }
}
