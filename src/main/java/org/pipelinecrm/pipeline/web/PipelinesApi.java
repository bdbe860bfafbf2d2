package org.pipelinecrm.pipeline.web;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import org.pipelinecrm.pipeline.CloseReasonView;
import org.pipelinecrm.pipeline.PipelineView;
import org.pipelinecrm.pipeline.Pipelines;
import org.pipelinecrm.pipeline.StageKind;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
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

    PipelinesApi(Pipelines pipelines) {
        this.pipelines = pipelines;
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

    /** The whole ordered list of stages; stages left out are deleted (409 while they hold deals). */
    @PutMapping("/pipelines/{id}/stages")
    PipelineView replaceStages(@PathVariable long id, @Valid @RequestBody StagesCmd cmd) {
        return pipelines.replaceStages(id, cmd.version(), cmd.stages());
    }

    @DeleteMapping("/pipelines/{id}/stages/{stageId}")
    PipelineView deleteStage(@PathVariable long id, @PathVariable long stageId) {
        return pipelines.deleteStage(id, stageId);
    }

    @GetMapping("/reasons")
    List<CloseReasonView> reasons(@RequestParam StageKind outcome) {
        return pipelines.reasons(outcome);
    }

    record StagesCmd(Long version, @NotEmpty List<Pipelines.@Valid StageCmd> stages) {
    }
}
