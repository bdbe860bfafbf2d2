package org.pipelinecrm.opportunity.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.pipelinecrm.customfield.CustomFields;
import org.pipelinecrm.customfield.RecordKind;
import org.pipelinecrm.opportunity.Board;
import org.pipelinecrm.opportunity.BoardFilter;
import org.pipelinecrm.opportunity.DealList;
import org.pipelinecrm.opportunity.DealMoves;
import org.pipelinecrm.opportunity.DealStageHistory;
import org.pipelinecrm.opportunity.Opportunities;
import org.pipelinecrm.opportunity.OpportunityView;
import org.pipelinecrm.opportunity.StageVisit;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.pipelinecrm.shared.NotFoundException;
import org.pipelinecrm.shared.PageOf;
import org.pipelinecrm.shared.web.Problems;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Opportunities, their moves and history, and the board, in the public API. */
@RestController
@RequestMapping("/api/v1")
class OpportunitiesApi {

    private final Opportunities opportunities;
    private final DealMoves moves;
    private final Board board;
    private final Pipelines pipelines;
    private final DealStageHistory history;
    private final Problems problems;
    private final MessageSource messages;
    private final DealList dealList;
    private final CustomFields customFields;
    private final DealProbabilities probabilities;
    private final tools.jackson.databind.json.JsonMapper json;
    private final org.pipelinecrm.shared.web.FieldEdits edits;

    OpportunitiesApi(
            Opportunities opportunities,
            DealMoves moves,
            Board board,
            Pipelines pipelines,
            DealStageHistory history,
            Problems problems,
            MessageSource messages,
            DealList dealList,
            CustomFields customFields,
            DealProbabilities probabilities,
            tools.jackson.databind.json.JsonMapper json,
            org.pipelinecrm.shared.web.FieldEdits edits) {
        this.probabilities = probabilities;
        this.json = json;
        this.edits = edits;
        this.dealList = dealList;
        this.customFields = customFields;
        this.problems = problems;
        this.messages = messages;
        this.opportunities = opportunities;
        this.moves = moves;
        this.history = history;
        this.board = board;
        this.pipelines = pipelines;
    }

    @PostMapping("/opportunities")
    @ResponseStatus(HttpStatus.CREATED)
    DealProbabilities.Deal create(@Valid @RequestBody Opportunities.CreateCmd cmd) {
        // the API always speaks custom fields: a body without them is held to the required ones
        return probabilities.of(
                opportunities.create(cmd.customFields() == null ? cmd.withCustomFields(Map.of()) : cmd));
    }

    @GetMapping("/opportunities")
    PageOf<DealProbabilities.Deal> list(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long stageId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size,
            @RequestParam Map<String, String> params) {
        StageKind kind = status == null || status.isBlank() ? null : stageKind(status);
        if (direction != null && !direction.isBlank() && !direction.matches("(?i)asc|desc")) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "direction", "problem.field.one-of", "direction is asc or desc", "asc, desc");
        }
        DealList.Sort by = sort == null || sort.isBlank() ? null : DealList.Sort.of(sort);
        boolean ascending = direction == null || direction.isBlank() || direction.equalsIgnoreCase("asc");
        return probabilities.of(opportunities.list(
                pipelineId,
                stageId,
                ownerId,
                kind,
                customFields.filter(RecordKind.OPPORTUNITY, params),
                by,
                ascending,
                page,
                size));
    }

    /** Count, amount and weighted amount of a pipeline's open deals (as the board filters them), from kept totals. */
    @GetMapping("/opportunities/totals")
    DealList.Totals totals(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String q,
            @RequestParam Map<String, String> params) {
        long pipeline = pipelineId != null
                ? pipelines.pipeline(pipelineId).id()
                : pipelines.visible().stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("Pipeline", "default"))
                        .id();
        return dealList.totals(new BoardFilter(
                pipeline,
                ownerId,
                teamId,
                q == null || q.isBlank() ? null : q.trim(),
                customFields.filter(RecordKind.OPPORTUNITY, params)));
    }

    private static StageKind stageKind(String status) {
        try {
            return StageKind.valueOf(status.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new org.pipelinecrm.shared.InvalidInputException(
                    "status",
                    "problem.field.one-of",
                    "status is one of " + java.util.Arrays.toString(StageKind.values()),
                    String.join(
                            ", ",
                            java.util.Arrays.stream(StageKind.values())
                                    .map(Enum::name)
                                    .toList()));
        }
    }

    @GetMapping("/opportunities/{id}")
    DealProbabilities.Deal opportunity(@PathVariable long id) {
        return probabilities.of(opportunities.opportunity(id));
    }

    /**
     * A field left out stays as it is; {@code "amount": null} takes the deal's amount away (no amount: {@code null}
     * in the answer, counted as 0 in totals). The body is read as a tree to tell the two apart, then checked as
     * {@code @Valid} would.
     */
    @PatchMapping("/opportunities/{id}")
    DealProbabilities.Deal change(@PathVariable long id, @RequestBody tools.jackson.databind.JsonNode body)
            throws org.springframework.validation.BindException {
        Opportunities.ChangeCmd cmd;
        try {
            cmd = json.treeToValue(body, Opportunities.ChangeCmd.class);
        } catch (tools.jackson.core.JacksonException e) {
            throw new org.springframework.http.converter.HttpMessageNotReadableException(
                    e.getOriginalMessage(), e, null);
        }
        if (cmd == null) {
            throw new org.springframework.http.converter.HttpMessageNotReadableException("No body", null, null);
        }
        edits.validate(cmd, "changeCmd");
        boolean clearAmount = body.has("amount") && body.get("amount").isNull();
        return probabilities.of(opportunities.change(id, cmd, clearAmount));
    }

    /** A stale move answers 409 naming who moved the deal last, to which stage and when, as the board does. */
    @PostMapping("/opportunities/{id}/move")
    ResponseEntity<?> move(@PathVariable long id, @Valid @RequestBody MoveCmd cmd) {
        try {
            return ResponseEntity.ok(moves.move(id, cmd.stageId(), cmd.version(), cmd.reason(), cmd.note()));
        } catch (OptimisticLockingFailureException e) {
            ProblemDetail problem = problems.problem(HttpStatus.CONFLICT, "stale");
            history.lastChange(id).ifPresent(last -> {
                problem.setDetail(messages.getMessage(
                        "opportunity.api.movedBy",
                        new Object[] {
                            last.changedByName(),
                            last.stageName(),
                            last.enteredAt().toString()
                        },
                        LocaleContextHolder.getLocale()));
                problem.setProperty("movedBy", last.changedBy());
                problem.setProperty("movedByName", last.changedByName());
                problem.setProperty("stageId", last.stageId());
                problem.setProperty("stageName", last.stageName());
                problem.setProperty("movedAt", last.enteredAt());
            });
            return problems.answer(problem);
        }
    }

    @PostMapping("/opportunities/{id}/close")
    OpportunityView close(@PathVariable long id, @Valid @RequestBody DealMoves.CloseCmd cmd) {
        return moves.close(id, cmd);
    }

    @PostMapping("/opportunities/{id}/reopen")
    OpportunityView reopen(@PathVariable long id, @RequestBody(required = false) ReopenCmd cmd) {
        return moves.reopen(id, cmd == null ? null : cmd.version());
    }

    @GetMapping("/opportunities/{id}/history")
    List<StageVisit> history(@PathVariable long id) {
        return this.history.of(id);
    }

    /** Open columns of a pipeline (the first visible one when none is named), each with its first cards. */
    @GetMapping("/board")
    List<DealProbabilities.Column> board(
            @RequestParam(required = false) Long pipelineId,
            @RequestParam(required = false) Long ownerId,
            @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long stageId,
            @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "20") int perStage,
            @RequestParam Map<String, String> params) {
        long pipeline = pipelineId != null
                ? pipelineId
                : pipelines.visible().stream()
                        .findFirst()
                        .orElseThrow(() -> new NotFoundException("Pipeline", "default"))
                        .id();
        BoardFilter filter =
                new BoardFilter(pipeline, ownerId, teamId, q, customFields.filter(RecordKind.OPPORTUNITY, params));
        if (stageId != null) {
            return probabilities.of(List.of(board.page(filter, stageId, cursor, perStage)));
        }
        return probabilities.of(board.columns(filter, perStage));
    }

    record MoveCmd(
            @NotNull Long stageId,
            @NotNull Long version,
            @Size(max = 80) String reason,
            @Size(max = 2000) String note) {}

    record ReopenCmd(Long version) {}
}
