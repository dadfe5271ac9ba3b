package dev.debrief.question;

import dev.debrief.testsupport.architecture.ModuleArchitectureTest;

import java.util.Set;

/**
 * The shared architecture rules (platform/test-support), run against this module. Two are frozen: their
 * violations of today are listed in src/test/resources/archunit-store and in docs/architecture-debt.md, as
 * debt to pay; any new violation fails.
 */
class ArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.question";
    }

    @Override
    protected Set<Rule> frozen() {
        return Set.of(Rule.NO_PACKAGE_CYCLES, Rule.DOMAIN_IMPORTS_NO_API_OR_MESSAGING);
    }
}
