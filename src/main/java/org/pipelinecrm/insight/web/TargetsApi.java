package org.pipelinecrm.insight.web;

import jakarta.validation.Valid;
import java.util.List;
import org.pipelinecrm.insight.TargetView;
import org.pipelinecrm.insight.Targets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/targets")
class TargetsApi {

    private final Targets targets;

    TargetsApi(Targets targets) {
        this.targets = targets;
    }

    @GetMapping
    List<TargetView> all() {
        return targets.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TargetView set(@Valid @RequestBody Targets.TargetCmd cmd) {
        return targets.set(cmd);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        targets.remove(id);
        return ResponseEntity.noContent().build();
    }
}
