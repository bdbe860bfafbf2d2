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
import org.pipelinecrm.shared.web.Problems;
import org.pipelinecrm.tenant.Workspaces;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;

/**
 * The board's answer to a move, as JSON for its script: the new version and column totals, or a message in
 * the reader's language saying why the card goes back — for a stale card, who moved the deal and when.
 */
class MoveAnswers {

    private final DealStageHistory history;
    private final MessageSource messages;
    private final Formats formats;
    private final Workspaces workspaces;
    private final Problems problems;

    MoveAnswers(
            DealStageHistory history,
            MessageSource messages,
            Formats formats,
            Workspaces workspaces,
            Problems problems) {
        this.problems = problems;
        this.workspaces = workspaces;
        this.history = history;
        this.messages = messages;
        this.formats = formats;
    }

    ResponseEntity<Map<String, Object>> answer(
            long id, Supplier<OpportunityView> move, Function<OpportunityView, Map<String, Object>> totals) {
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
                    .map(last -> text(
                            "board.movedBy",
                            last.changedByName(),
                            last.stageName(),
                            formats.dateTime(
                                    last.enteredAt(), workspaces.current().timeZone())))
                    .orElse(text("board.stale"));
            return refused(problems.problem(HttpStatus.CONFLICT, "stale", message));
        } catch (ConflictException e) {
            return refused(problems.problem(
                    HttpStatus.CONFLICT,
                    e.getMessageKey(),
                    messages.getMessage(
                            e.getMessageKey(), e.getArguments(), e.getMessage(), LocaleContextHolder.getLocale())));
        } catch (NotFoundException e) {
            return refused(problems.problem(HttpStatus.NOT_FOUND, "not-found", text("board.gone")));
        } catch (AccessDeniedException e) {
            // an undo asked for after its window: reopening is a manager's decision by then
            return refused(problems.problem(HttpStatus.FORBIDDEN, "forbidden", text("board.undoTooLate")));
        }
    }

    /** A refused move in the one problem shape; the board's script shows its {@code detail}. */
    private static ResponseEntity<Map<String, Object>> refused(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.fields(problem));
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
