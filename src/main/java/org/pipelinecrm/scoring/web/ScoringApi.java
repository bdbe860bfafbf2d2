package org.pipelinecrm.scoring.web;

import jakarta.validation.Valid;
import org.pipelinecrm.scoring.Scoring;
import org.pipelinecrm.scoring.ScoringRules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The scoring model in the public API. */
@RestController
@RequestMapping("/api/v1/scoring/rules")
class ScoringApi {

    private final Scoring scoring;

    ScoringApi(Scoring scoring) {
        this.scoring = scoring;
    }

    @GetMapping
    ScoringRules rules() {
        return scoring.rules();
    }

    @PutMapping
    ScoringRules change(@Valid @RequestBody ScoringRules rules) {
        return scoring.change(rules);
    }
}
