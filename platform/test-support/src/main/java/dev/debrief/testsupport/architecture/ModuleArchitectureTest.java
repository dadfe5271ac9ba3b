package dev.debrief.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.freeze.FreezingArchRule;
import org.junit.jupiter.api.Test;

import java.util.Set;

/**
 * The shared rules, run against one module's production classes. A module's {@code ArchitectureTest} extends
 * this and names its base package. A rule the module breaks today can be frozen ({@link #frozen()}): its
 * violations are recorded in the store the module commits (src/test/resources/archunit-store, set in the
 * module's archunit.properties), new code must keep the rule, and each recorded violation is debt listed in the
 * module's docs. A frozen rule is not a rule that holds.
 */
public abstract class ModuleArchitectureTest {

    /** A rule's name, as {@link #frozen()} lists it. */
    public enum Rule { NO_PACKAGE_CYCLES, DOMAIN_IMPORTS_NO_API_OR_MESSAGING, NO_OTHER_SERVICE }

    private JavaClasses classes;

    /** The module's base package, e.g. {@code dev.debrief.scoring}. */
    protected abstract String basePackage();

    /** The rules whose violations of today are recorded rather than fixed; none unless a module says so. */
    protected Set<Rule> frozen() {
        return Set.of();
    }

    /** The classes the rules read: the module's own ({@code target/classes}) unless a test says otherwise. */
    protected JavaClasses importClasses() {
        return ArchitectureRules.moduleClasses();
    }

    protected final JavaClasses classes() {
        if (classes == null) {
            classes = importClasses();
        }
        return classes;
    }

    @Test
    void shouldHaveNoPackageCycles() {
        check(Rule.NO_PACKAGE_CYCLES, ArchitectureRules.noPackageCycles(basePackage()));
    }

    @Test
    void shouldKeepTheDomainFreeOfApiAndMessaging() {
        check(Rule.DOMAIN_IMPORTS_NO_API_OR_MESSAGING, ArchitectureRules.domainImportsNoApiOrMessaging(basePackage()));
    }

    @Test
    void shouldDependOnNoOtherService() {
        check(Rule.NO_OTHER_SERVICE, ArchitectureRules.dependsOnNoOtherService(basePackage()));
    }

    private void check(Rule name, ArchRule rule) {
        (frozen().contains(name) ? FreezingArchRule.freeze(rule) : rule).check(classes());
    }
}
