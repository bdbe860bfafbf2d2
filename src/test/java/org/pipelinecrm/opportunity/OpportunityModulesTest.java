package org.pipelinecrm.opportunity;

import org.junit.jupiter.api.Test;
import org.pipelinecrm.PipelineCrmApplication;
import org.springframework.modulith.core.ApplicationModules;

/** The account, pipeline and opportunity modules keep to the module rules (no cycles, no internals used). */
class OpportunityModulesTest {

    @Test
    void modulesAreWellFormed() {
        ApplicationModules.of(PipelineCrmApplication.class).verify();
    }
}
