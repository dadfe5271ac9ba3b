package dev.debrief.contracts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database scoring-service's SQL sandbox runs candidates' queries in, and the role it logs in as: one definition
 * for the launcher and the test PostgreSQL (and the names the Kubernetes manifests mirror), since everything here
 * needs a superuser and so cannot be a service's own migration. scoring-service then loads the fixture into the
 * database (its {@code sandbox} Flyway location) and grants SELECT on it to the role.
 *
 * <p>What the role can do afterwards: log in, CONNECT to its own database, use schema {@code scoring_fixture} and
 * SELECT its tables; nothing else. It owns nothing, is a member of no role (so {@code SET ROLE} or
 * {@code set_config('role', …)} has nowhere to go), cannot connect to any other database, cannot create anything
 * (no CREATE on schema public, no TEMP), cannot call the functions that read settings or other sessions or hold
 * locks, and runs under its own timeouts and memory limits, which only a superuser can raise.
 */
public final class SandboxDatabase {

    /** The sandbox's database. */
    public static final String DATABASE = "debrief_sandbox";
    /** The login role candidates' queries run as. */
    public static final String ROLE = "debrief_sandbox";
    /** Local demo credential of the sandbox role (the stack and the tests only; a deployment sets its own secret). */
    public static final String DEMO_PASSWORD = "debrief-sandbox-demo";

    /** Role-level settings: the defaults of every session the role opens, which it cannot change past them. */
    public static final Map<String, String> LIMITS = limits();

    /**
     * Functions PUBLIC may call by default that a query over a fixture never needs: settings, other sessions,
     * advisory locks, sleeping, notifications, large objects, files, and the *_to_xml family that runs a query
     * given as text. Names and LIKE patterns, all in pg_catalog.
     */
    static final List<String> REVOKED_FUNCTIONS = List.of(
            "set_config", "current_setting", "pg_sleep", "pg_sleep_for", "pg_sleep_until", "pg_cancel_backend",
            "pg_terminate_backend", "pg_backend_pid", "pg_blocking_pids", "pg_notify", "pg_listening_channels",
            "pg_show_all_settings", "pg_settings_get_flags", "txid_current", "pg_current_xact_id", "inet_server_addr",
            "inet_server_port", "inet_client_addr", "inet_client_port", "pg_postmaster_start_time",
            "pg_conf_load_time", "version", "pg_export_snapshot",
            "pg\\_stat\\_get\\_%", "pg\\_advisory%", "pg\\_try\\_advisory%", "%\\_to\\_xml%", "lo\\_%", "pg\\_ls\\_%",
            "pg\\_read\\_%");

    /** Catalog views PUBLIC may read by default that show settings, roles, locks or other sessions' queries. */
    static final List<String> REVOKED_VIEWS = List.of("pg_settings", "pg_stat_activity", "pg_locks", "pg_roles",
            "pg_user", "pg_stat_ssl", "pg_stat_gssapi", "pg_prepared_xacts", "pg_prepared_statements", "pg_cursors",
            "pg_stat_progress_vacuum", "pg_stat_progress_analyze", "pg_stat_progress_create_index");

    private SandboxDatabase() {
    }

    private static Map<String, String> limits() {
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("statement_timeout", "2s");
        limits.put("lock_timeout", "1s");
        limits.put("idle_in_transaction_session_timeout", "5s");
        limits.put("temp_file_limit", "16MB"); // superuser-only setting: the role cannot raise it
        limits.put("work_mem", "4MB");
        limits.put("default_transaction_read_only", "on");
        limits.put("search_path", "scoring_fixture");
        return Map.copyOf(limits);
    }

    /**
     * Creates or repairs the role and the database, as a superuser connected to another database of the cluster.
     * Idempotent: every start may call it.
     *
     * @param owner the service's role, which owns the database and loads the fixture into it
     */
    public static void create(Connection superuser, String owner, String password) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS"
                    + " CONNECTION LIMIT 20 PASSWORD " + literal(password);
            boolean exists = exists(superuser, "select 1 from pg_roles where rolname = ?", ROLE);
            sql.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + ROLE + attributes);
            for (String granted : list(superuser,
                    "select roleid::regrole::text from pg_auth_members where member = ?::regrole", ROLE)) {
                sql.execute("REVOKE " + granted + " FROM " + ROLE);
            }
            for (Map.Entry<String, String> limit : LIMITS.entrySet()) {
                sql.execute("ALTER ROLE " + ROLE + " SET " + limit.getKey() + " = " + literal(limit.getValue()));
            }
            if (!exists(superuser, "select 1 from pg_database where datname = ?", DATABASE)) {
                sql.execute("CREATE DATABASE " + DATABASE + " OWNER " + quoted(owner));
            }
            sql.execute("REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            sql.execute("GRANT CONNECT ON DATABASE " + DATABASE + " TO " + ROLE);
            // PUBLIC may connect to (and make temp tables in) every database by default: not the sandbox role
            for (String database : list(superuser,
                    "select datname from pg_database where datallowconn and datname <> ?", DATABASE)) {
                sql.execute("REVOKE CONNECT, TEMPORARY ON DATABASE " + quoted(database) + " FROM PUBLIC");
            }
        }
    }

    /**
     * Inside the sandbox database, as a superuser: no CREATE on schema public for anyone but its owner, and none of
     * {@link #REVOKED_FUNCTIONS} or {@link #REVOKED_VIEWS} for PUBLIC (the owner keeps them: its migration tool takes
     * advisory locks). Idempotent.
     */
    public static void lockDown(Connection superuserInSandbox, String owner) throws SQLException {
        try (Statement sql = superuserInSandbox.createStatement()) {
            sql.execute("REVOKE ALL ON SCHEMA public FROM PUBLIC");
            try (PreparedStatement functions = superuserInSandbox.prepareStatement("""
                    select p.oid::regprocedure::text from pg_proc p
                    where p.pronamespace = 'pg_catalog'::regnamespace and (p.proname = any(?) or p.proname like any(?))""")) {
                String[] names = REVOKED_FUNCTIONS.toArray(String[]::new);
                functions.setArray(1, superuserInSandbox.createArrayOf("text", names));
                functions.setArray(2, superuserInSandbox.createArrayOf("text", names));
                List<String> signatures = new ArrayList<>();
                try (ResultSet rs = functions.executeQuery()) {
                    while (rs.next()) {
                        signatures.add(rs.getString(1));
                    }
                }
                for (String signature : signatures) {
                    sql.execute("REVOKE EXECUTE ON FUNCTION " + signature + " FROM PUBLIC");
                    sql.execute("GRANT EXECUTE ON FUNCTION " + signature + " TO " + quoted(owner));
                }
            }
            for (String view : REVOKED_VIEWS) {
                if (exists(superuserInSandbox,
                        "select 1 from pg_views where schemaname = 'pg_catalog' and viewname = ?", view)) {
                    sql.execute("REVOKE SELECT ON pg_catalog." + view + " FROM PUBLIC");
                    sql.execute("GRANT SELECT ON pg_catalog." + view + " TO " + quoted(owner));
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static List<String> list(Connection connection, String query, String parameter) throws SQLException {
        List<String> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
