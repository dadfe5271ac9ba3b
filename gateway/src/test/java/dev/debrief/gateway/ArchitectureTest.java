package dev.debrief.gateway;

import dev.debrief.testsupport.architecture.ArchitectureRules;
import dev.debrief.testsupport.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

/** The shared architecture rules (platform/test-support), run against the gateway, none of them frozen. */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.gateway";
    }

    @Test
    void shouldDependOnNoPersistence() {
        ArchitectureRules.gatewayHasNoPersistence().forEach(rule -> rule.check(classes()));
    }
}
