package org.pipelinecrm.opportunity.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.pipelinecrm.opportunity.DealStageHistory;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.shared.ConflictException;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.web.Formats;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ResponseEntity;

/**
 * The board's answer to a move, as JSON for its script: the new version and column totals, or a message in
 * the reader's language saying why the card goes back — for a stale card, who moved the deal and when.
 */
class MoveAnswers {

    private final DealStageHistory history;
    private final MessageSource messages;
    private final Formats formats;
    private final Workspaces workspaces;

    MoveAnswers(DealStageHistory history, MessageSource messages, Formats formats, Workspaces workspaces) {
        this.workspaces = workspaces;
        this.history = history;
        this.messages = messages;
        this.formats = formats;
    }

    ResponseEntity<Map<String, Object>> answer(long id, Supplier<OpportunityView> move,
            Function<OpportunityView, Map<String, Object>> totals) {
        try {
            OpportunityView moved = move.get();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", moved.id());
            body.put("version", moved.version());
            body.put("stageId", moved.stageId());
            body.put("status", moved.status().name());
            body.put("columns", totals.apply(moved));
            return ResponseEntity.ok(body);
        } catch (OptimisticLockingFailureException e) {
            String message = history.lastChange(id)
                    .map(last -> text("board.movedBy", last.changedByName(), last.stageName(),
                            formats.dateTime(last.enteredAt(), workspaces.current().timeZone())))
                    .orElse(text("board.stale"));
            return ResponseEntity.status(409).body(Map.of("message", message, "code", "stale"));
        } catch (ConflictException e) {
            return ResponseEntity.status(409).body(Map.of("message",
                    messages.getMessage(e.getMessageKey(), e.getArguments(), e.getMessage(), LocaleContextHolder.getLocale()),
                    "code", e.getMessageKey()));
        } catch (NotFoundException e) {
            return ResponseEntity.status(404).body(Map.of("message", text("board.gone")));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

}
