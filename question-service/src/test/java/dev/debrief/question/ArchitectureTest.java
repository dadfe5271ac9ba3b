package dev.debrief.question;

import dev.debrief.testsupport.architecture.ModuleArchitectureTest;

/** The shared architecture rules (platform/test-support), run against this module, none of them frozen. */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.question";
    }
}
