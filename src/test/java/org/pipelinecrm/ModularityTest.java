package org.pipelinecrm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
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
    void theSalesModulesAreModulesOfTheirOwn() {
        // verify() only checks the modules it finds: a module folded into another would pass unnoticed
        assertThat(MODULES.stream().map(ApplicationModule::getIdentifier).map(Object::toString))
                .contains(
                        "account",
                        "pipeline",
                        "opportunity",
                        "lead",
                        "scoring",
                        "importing",
                        "qualification",
                        "activity",
                        "insight",
                        "identity",
                        "tenant");
    }

    @Test
    void writeModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
