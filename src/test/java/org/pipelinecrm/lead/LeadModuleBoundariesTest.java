package org.pipelinecrm.lead;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.PipelineCrmApplication;
import org.springframework.modulith.core.ApplicationModules;

/** Lead, scoring and importing keep to the module rules: no cycles, no reaching into internals. */
class LeadModuleBoundariesTest {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules.of(PipelineCrmApplication.class).verify();
    }
}
