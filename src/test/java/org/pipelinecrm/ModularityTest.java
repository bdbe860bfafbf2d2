package org.pipelinecrm;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules depend on each other only through their public API, without cycles; their docs go to target/. */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PipelineCrmApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writeModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
