package dev.debrief.question;

import dev.debrief.testsupport.architecture.ArchitectureRules;
import dev.debrief.testsupport.architecture.ModuleArchitectureTest;
import org.junit.jupiter.api.Test;

/**
 * The shared architecture rules (platform/test-support), run against this module, none of them frozen; and,
 * as the service is in feature packages, the two rules of a pure domain ({@code catalog.domain},
 * {@code loops.domain}).
 */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.question";
    }

    @Test
    void shouldKeepEveryFeatureDomainFreeOfHttpAndKafka() {
        ArchitectureRules.domainKnowsNoHttpOrKafka(basePackage()).check(classes());
    }

    @Test
    void shouldKeepEveryFeatureDomainFreeOfResourcesUseCasesAndAdapters() {
        ArchitectureRules.domainDependsOnlyOnDomains(basePackage(), basePackage() + ".taxonomy..").check(classes());
    }
}
