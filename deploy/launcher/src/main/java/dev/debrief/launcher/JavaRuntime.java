package dev.debrief.launcher;

import java.nio.file.Path;

/** The JDK the launcher itself runs on: every child JVM (Kafka, Keycloak, the services) uses the same one. */
final class JavaRuntime {

    private JavaRuntime() {
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    static String java() {
        return home().resolve("bin").resolve("java").toString();
    }
}
