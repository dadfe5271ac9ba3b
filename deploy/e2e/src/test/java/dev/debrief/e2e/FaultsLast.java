package dev.debrief.e2e;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;

/**
 * The end-to-end classes in their usual (name) order, with {@link FaultInjectionIT} last: it kills and restarts
 * parts of the one shared stack, and the other tests should not meet a stack still catching up.
 */
public final class FaultsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparing((org.junit.jupiter.api.ClassDescriptor d) -> d.getTestClass() == FaultInjectionIT.class)
                .thenComparing(d -> d.getTestClass().getName()));
    }
}
