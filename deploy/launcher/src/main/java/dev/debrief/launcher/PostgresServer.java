package dev.debrief.launcher;

import dev.debrief.contracts.SandboxDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Real PostgreSQL from Maven (zonky's embedded binaries). The cluster lives in {@code <home>/postgres/data} and
 * is kept between runs: initdb runs only when there is no cluster yet.
 */
final class PostgresServer implements Component {

    /** Demo credentials of the local stack, the same in every service's defaults. */
    static final String DATABASE = "debrief";
    static final String ROLE = "debrief";
    static final String PASSWORD = "debrief";

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresServer start(Path home, int port, Path log) {
        Path data = home.resolve("postgres").resolve("data");
        Path runtime = home.resolve("postgres").resolve("runtime");
        try {
            Files.createDirectories(data);
            Files.createDirectories(log.getParent());
            EmbeddedPostgres postgres = builderWorkingIn(runtime)
                    .setPort(port)
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(runtime.toFile())
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            PostgresServer server = new PostgresServer(postgres);
            server.ensureDatabase();
            return server;
        } catch (IOException | RuntimeException e) {
            if (e instanceof StackException stackException) {
                throw stackException;
            }
            throw new StackException("PostgreSQL did not start: " + e.getMessage()
                    + " (log: " + log + "; a PostgreSQL left running from an earlier start keeps its lock in " + data + ")", e);
        }
    }

    /**
     * zonky scans (and cleans) stale clusters in its working directory, by default under the system temp folder;
     * pointing it at our own runtime directory keeps it away from anything else on the machine.
     */
    private static EmbeddedPostgres.Builder builderWorkingIn(Path runtime) throws IOException {
        Files.createDirectories(runtime);
        String key = "ot.epg.working-dir";
        String previous = System.getProperty(key);
        System.setProperty(key, runtime.toString());
        try {
            return EmbeddedPostgres.builder(); // reads the property once, here
        } finally {
            if (previous == null) {
                System.clearProperty(key);
            } else {
                System.setProperty(key, previous);
            }
        }
    }

    /**
     * The role and database the services use, created as the superuser when missing, and the SQL sandbox's login
     * role and database (scoring-service loads its fixture there). The role may create roles (CREATEROLE, not
     * superuser): an older scoring-service migration (V3) still creates a NOLOGIN role that V5 drops again.
     */
    private void ensureDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", ROLE)) {
                statement.execute("CREATE ROLE " + ROLE + " LOGIN CREATEROLE PASSWORD '" + PASSWORD + "'");
            } else if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ? AND rolcreaterole", ROLE)) {
                statement.execute("ALTER ROLE " + ROLE + " CREATEROLE"); // a data directory from before the sandbox
            }
            if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                statement.execute("CREATE DATABASE " + DATABASE + " OWNER " + ROLE);
            }
            SandboxDatabase.create(connection, ROLE, SandboxDatabase.DEMO_PASSWORD);
        } catch (SQLException e) {
            throw new StackException("could not create database " + DATABASE + ": " + e.getMessage(), e);
        }
        try (Connection inSandbox = postgres.getDatabase("postgres", SandboxDatabase.DATABASE).getConnection()) {
            SandboxDatabase.lockDown(inSandbox, ROLE);
        } catch (SQLException e) {
            throw new StackException("could not lock down database " + SandboxDatabase.DATABASE + ": " + e.getMessage(), e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, name);
            try (ResultSet result = query.executeQuery()) {
                return result.next();
            }
        }
    }

    static String jdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    static String sandboxJdbcUrl(int port) {
        return "jdbc:postgresql://localhost:" + port + "/" + SandboxDatabase.DATABASE;
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public void stop() {
        try {
            postgres.close(); // pg_ctl stop -m fast; the cluster stays
        } catch (IOException e) {
            throw new StackException("could not stop PostgreSQL: " + e.getMessage(), e);
        }
    }
}
