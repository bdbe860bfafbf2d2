package org.pipelinecrm.pipeline.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.pipelinecrm.pipeline.CloseReasonView;
import org.pipelinecrm.pipeline.CloseReasons;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Pipelines, stages and reason lists in the public API. */
@RestController
@RequestMapping("/api/v1")
class PipelinesApi {

    private final Pipelines pipelines;
    private final CloseReasons reasons;

    PipelinesApi(Pipelines pipelines, CloseReasons reasons) {
        this.pipelines = pipelines;
        this.reasons = reasons;
    }

    @GetMapping("/pipelines")
    List<PipelineView> list() {
        return pipelines.visible();
    }

    @GetMapping("/pipelines/{id}")
    PipelineView pipeline(@PathVariable long id) {
        return pipelines.pipeline(id);
    }

    @PostMapping("/pipelines")
    @ResponseStatus(HttpStatus.CREATED)
    PipelineView create(@Valid @RequestBody Pipelines.PipelineCmd cmd) {
        return pipelines.create(cmd);
    }

    /** Name and team limit, with the version the caller saw (409 when stale). */
    @PatchMapping("/pipelines/{id}")
    PipelineView change(@PathVariable long id, @Valid @RequestBody Pipelines.ChangeCmd cmd) {
        return pipelines.change(id, cmd);
    }

    /** The whole ordered list of stages; stages left out are deleted (409 while they hold deals). */
    @PutMapping("/pipelines/{id}/stages")
    PipelineView replaceStages(@PathVariable long id, @Valid @RequestBody StagesCmd cmd) {
        return pipelines.replaceStages(id, cmd.version(), cmd.stages());
    }

    @DeleteMapping("/pipelines/{id}/stages/{stageId}")
    PipelineView deleteStage(@PathVariable long id, @PathVariable long stageId) {
        return pipelines.deleteStage(id, stageId);
    }

    /** The reasons of an outcome: the active ones, or all with {@code all=true}. */
    @GetMapping("/reasons")
    List<CloseReasonView> reasons(@RequestParam StageKind outcome, @RequestParam(defaultValue = "false") boolean all) {
        return all ? reasons.all(outcome) : reasons.active(outcome);
    }

    @PostMapping("/reasons")
    @ResponseStatus(HttpStatus.CREATED)
    CloseReasonView addReason(@Valid @RequestBody CloseReasons.AddCmd cmd) {
        return reasons.add(cmd);
    }

    /** Rename and/or (de)activate a reason, with the version the caller saw. */
    @PatchMapping("/reasons/{id}")
    CloseReasonView changeReason(@PathVariable long id, @Valid @RequestBody ReasonChangeCmd cmd) {
        CloseReasonView reason = reasons.reason(id);
        long version = cmd.version();
        if (cmd.label() != null) {
            reason = reasons.rename(id, cmd.label(), version);
            version = reason.version();
        }
        if (cmd.active() != null) {
            reason = reasons.activate(id, cmd.active(), version);
        }
        return reason;
    }

    record ReasonChangeCmd(
            @Size(min = 1, max = 80) String label,
            Boolean active,
            @NotNull Long version) {}

    record StagesCmd(Long version, @NotEmpty List<Pipelines.@Valid StageCmd> stages) {}
}
