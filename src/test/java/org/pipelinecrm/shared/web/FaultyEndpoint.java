package org.pipelinecrm.shared.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** An endpoint with a bug, in the test context only: what a caller sees when code fails unexpectedly. */
@RestController
class FaultyEndpoint {

    @GetMapping("/api/v1/test-only/faulty")
    String faulty() {
        throw new IllegalArgumentException("secret internals of org.example.Thing");
    }
}
