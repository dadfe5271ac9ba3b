package dev.debrief.e2e;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

import java.util.Comparator;

/**
 * The end-to-end classes in their usual (name) order, then {@link FaultInjectionIT}: it kills and restarts parts of
 * the one shared stack, and the other tests should not meet a stack still catching up. {@link TraceIT} comes last:
 * it replaces the shared stack with a traced one, and running it last saves starting the shared stack twice.
 */
public final class FaultsLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((org.junit.jupiter.api.ClassDescriptor d) -> rank(d.getTestClass()))
                .thenComparing(d -> d.getTestClass().getName()));
    }

    private static int rank(Class<?> testClass) {
        if (testClass == TraceIT.class) {
            return 2;
        }
        return testClass == FaultInjectionIT.class ? 1 : 0;
    }
}
