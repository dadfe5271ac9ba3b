package dev.debrief.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL (zonky's binaries, no Docker) for {@code @QuarkusTest}s. One server per test JVM:
 * Quarkus restarts the app for every distinct set of test resources, and a restart should not cost a
 * database start. Tests make their own data (fresh ids), so they share it safely.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedPostgres server;

    /** The running server, started on first use and stopped when the test JVM exits. */
    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::close));
        }
        return server;
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    @Override
    public void stop() {
        // kept for the next app start in this JVM; closed by the shutdown hook
    }

    private static synchronized void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // the JVM is exiting
        }
    }
}
