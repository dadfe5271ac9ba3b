package dev.debrief.testsupport;

import dev.debrief.contracts.SandboxDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
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
            createSandboxDatabase(server);
            Runtime.getRuntime().addShutdownHook(new Thread(PostgresResource::close));
        }
        return server;
    }

    public static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/postgres";
    }

    /** scoring-service's SQL sandbox database, which its {@code sandbox} datasource logs in to as its own role. */
    public static String sandboxJdbcUrl() {
        return "jdbc:postgresql://localhost:" + server().getPort() + "/" + SandboxDatabase.DATABASE;
    }

    /**
     * As the launcher does it: the superuser creates the sandbox's role and database (owned by the services' role,
     * here the superuser too) and locks it down; scoring-service loads the fixture into it when it starts.
     */
    private static void createSandboxDatabase(EmbeddedPostgres postgres) {
        try (Connection superuser = postgres.getPostgresDatabase().getConnection()) {
            SandboxDatabase.create(superuser, "postgres", SandboxDatabase.DEMO_PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the sandbox database: " + e.getMessage(), e);
        }
        try (Connection inSandbox = postgres.getDatabase("postgres", SandboxDatabase.DATABASE).getConnection()) {
            SandboxDatabase.lockDown(inSandbox, "postgres");
        } catch (SQLException e) {
            throw new IllegalStateException("could not lock down the sandbox database: " + e.getMessage(), e);
        }
    }

    /** The sandbox datasource's address is given to every service: only scoring-service declares that datasource. */
    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", jdbcUrl(),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "quarkus.datasource.sandbox.jdbc.url", sandboxJdbcUrl());
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
