package dev.debrief.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.debrief.testsupport.architecture.ArchitectureRules;
import dev.debrief.testsupport.architecture.ModuleArchitectureTest;

/** The shared rules, run against platform/contracts from here: contracts cannot depend on test-support, which depends on it. */
class ContractsArchitectureTest extends ModuleArchitectureTest {

    @Override
    protected String basePackage() {
        return "dev.debrief.contracts";
    }

    @Override
    protected JavaClasses importClasses() {
        return ArchitectureRules.classesOf(basePackage());
    }
}
