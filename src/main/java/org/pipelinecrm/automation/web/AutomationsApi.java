package org.pipelinecrm.automation.web;

import jakarta.validation.Valid;
import java.util.List;
import org.pipelinecrm.automation.AutomationView;
import org.pipelinecrm.automation.Automations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/automations")
class AutomationsApi {

    private final Automations automations;

    AutomationsApi(Automations automations) {
        this.automations = automations;
    }

    @GetMapping
    List<AutomationView> all() {
        return automations.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AutomationView create(@Valid @RequestBody AutomationView.Cmd cmd) {
        return automations.create(cmd);
    }

    @GetMapping("/{id}")
    AutomationView get(@PathVariable long id) {
        return automations.get(id);
    }

    @PatchMapping("/{id}")
    AutomationView change(@PathVariable long id, @Valid @RequestBody AutomationView.Cmd cmd) {
        return automations.change(id, cmd);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        automations.delete(id);
        return ResponseEntity.noContent().build();
    }
}
