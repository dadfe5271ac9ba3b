package dev.debrief.testsupport;

import dev.debrief.testsupport.architecture.ModuleArchitectureTest;

/** The shared architecture rules, run against test-support itself. */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.testsupport";
    }
}
