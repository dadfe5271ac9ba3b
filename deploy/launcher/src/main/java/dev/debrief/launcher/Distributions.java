package dev.debrief.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/**
 * Where the build put what the launcher runs: the Keycloak distribution (a tar.gz in the local Maven
 * repository) and the Kafka broker's jars. Both lists are written at build time, so they name this machine's files.
 */
final class Distributions {

    private static final String DISTRIBUTIONS = "/dev/debrief/launcher/distributions.properties";
    private static final String KAFKA_CLASSPATH = "/dev/debrief/kafka-runtime.classpath";

    private Distributions() {
    }

    static String keycloakVersion() {
        return properties().getProperty("keycloak.version");
    }

    static Path keycloakArchive() {
        Path archive = Path.of(properties().getProperty("keycloak.dist"));
        if (!Files.isRegularFile(archive)) {
            throw new StackException("the Keycloak distribution is missing (" + archive + "): rebuild with ./stack --build");
        }
        return archive;
    }

    static String kafkaClasspath() {
        String classpath = read(KAFKA_CLASSPATH).strip();
        String missing = Arrays.stream(classpath.split(java.io.File.pathSeparator))
                .filter(jar -> !Files.isRegularFile(Path.of(jar)))
                .findFirst().orElse(null);
        if (classpath.isEmpty() || missing != null) {
            throw new StackException("the Kafka broker's jars are missing (" + missing + "): rebuild with ./stack --build");
        }
        return classpath;
    }

    private static Properties properties() {
        Properties properties = new Properties();
        try (InputStream in = resource(DISTRIBUTIONS)) {
            properties.load(in);
        } catch (IOException e) {
            throw new StackException("cannot read " + DISTRIBUTIONS + ": " + e.getMessage(), e);
        }
        return properties;
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new StackException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Distributions.class.getResourceAsStream(name);
        if (in == null) {
            throw new StackException(name + " is not on the launcher's classpath: rebuild with ./stack --build");
        }
        return in;
    }
}
