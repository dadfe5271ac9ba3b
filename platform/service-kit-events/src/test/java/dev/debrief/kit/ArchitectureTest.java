package dev.debrief.kit;

import dev.debrief.testsupport.architecture.ModuleArchitectureTest;

/** The shared architecture rules (platform/test-support), run against this module. */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.kit";
    }
}
