package dev.debrief.e2e;

import dev.debrief.launcher.Ports;
import dev.debrief.launcher.Stack;
import dev.debrief.launcher.StackConfig;

/**
 * One real local stack for every end-to-end test class in the JVM: starting Keycloak and four services
 * per class would multiply the suite's time. Started on first use; the launcher's own shutdown hook stops
 * every process when the test JVM exits.
 */
final class SharedStack {

    private static Stack stack;
    private static RealKeycloak keycloak;

    private SharedStack() {
    }

    static synchronized Stack get() {
        if (stack == null) {
            stack = Stack.start(StackConfig.fromEnvironment().withInfraOnly(false));
            keycloak = new RealKeycloak(stack.config().ports().keycloak());
        }
        return stack;
    }

    /** Stops the shared stack if it runs, for a test that needs a stack of its own on the same ports; the next get() starts it again. */
    static synchronized void stop() {
        if (stack != null) {
            stack.close();
            stack = null;
            keycloak = null;
        }
    }

    static Ports ports() {
        return get().config().ports();
    }

    static RealKeycloak keycloak() {
        get();
        return keycloak;
    }

    static Api gateway() {
        return new Api("http://localhost:" + ports().gateway());
    }
}
