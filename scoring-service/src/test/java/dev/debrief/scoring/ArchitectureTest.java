package dev.debrief.scoring;

import dev.debrief.testsupport.architecture.ModuleArchitectureTest;

/** The shared architecture rules (platform/test-support), run against this module. */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.scoring";
    }
}
