package org.pipelinecrm.winmodel.web;

import org.pipelinecrm.winmodel.WinModelView;
import org.pipelinecrm.winmodel.WinModels;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The workspace's win model in the public API: its backtest, and training on demand. */
@RestController
@RequestMapping("/api/v1/win-model")
class WinModelApi {

    private final WinModels models;

    WinModelApi(WinModels models) {
        this.models = models;
    }

    @GetMapping
    WinModelView model() {
        return models.view();
    }

    /** Queues training; it runs in the background, and {@code GET} shows QUEUED, TRAINING, then the result. */
    @PostMapping("/train")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    WinModelView train() {
        return models.requestTraining();
    }
}
