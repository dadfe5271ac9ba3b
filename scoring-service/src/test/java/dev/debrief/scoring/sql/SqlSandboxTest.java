package dev.debrief.scoring.sql;

import dev.debrief.contracts.SandboxDatabase;
import dev.debrief.testsupport.PostgresResource;
import dev.debrief.testsupport.RealInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's database boundary, attacks first. {@code execute} skips the guard: whatever it refuses, the
 * database refused by itself, because the query ran as {@code debrief_sandbox} in {@code debrief_sandbox}. The
 * service's own datasource here is the superuser, so none of these refusals come from a weak service role.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class SqlSandboxTest {

    /** More runs than the pool has connections, so every pooled connection is checked. */
    private static final int EVERY_POOLED_CONNECTION = 12;

    @Inject
    SqlSandbox sandbox;

    /** The service's datasource: the superuser in tests, used to look at the cluster from outside the sandbox. */
    @Inject
    AgroalDataSource superuser;

    @Test
    void shouldRunASelectOverTheFixtureTables() {
        SqlSandbox.Rows rows = sandbox.run("select count(*) as plays from plays");
        assertEquals(List.of("plays"), rows.columns());
        assertEquals(1, rows.rows().size());
    }

    @Test
    void shouldRunAsALoginRoleOfItsOwnThatHoldsNoOtherRole() {
        List<Object> who = sandbox.execute("select current_user, session_user, current_database()").rows().get(0);
        assertEquals(List.of(SandboxDatabase.ROLE, SandboxDatabase.ROLE, SandboxDatabase.DATABASE), who);
        assertEquals("0", first(sandbox.execute(
                "select count(*) from pg_auth_members where member = current_user::regrole")));
        assertEquals("0", first(sandbox.execute("select count(*) from pg_class c join pg_namespace n "
                + "on n.oid = c.relnamespace where pg_get_userbyid(c.relowner) = current_user")));
    }

    @Test
    void shouldStopTheEscapeAtTheDatabaseEvenWithoutTheGuard() {
        assertEquals("sql.error.permission", reason(() -> sandbox.execute(SqlGuardTest.ESCAPE)));
        // without the functions too: there is no other role to become, and no service data in this database
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("set role postgres")));
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("set session authorization postgres")));
        assertEquals("sql.error.query", reason(() -> sandbox.execute("select * from scoring.answer")));
        assertEquals("sql.error.query", reason(() -> sandbox.execute("select * from postgres.scoring.answer")));
    }

    @Test
    void shouldNotLetTheSandboxRoleConnectToAnyOtherDatabase() {
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                PostgresResource.jdbcUrl(), SandboxDatabase.ROLE, SandboxDatabase.DEMO_PASSWORD).close());
        assertEquals("42501", refused.getSQLState(), refused.getMessage());
    }

    @Test
    void shouldRefuseSettingsOtherSessionsAndLocksAtTheDatabase() {
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("select name, setting from pg_settings")));
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("select query from pg_stat_activity")));
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("select current_setting('data_directory')")));
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("select pg_read_file('/etc/passwd')")));
        assertEquals("sql.error.permission", reason(() -> sandbox.execute(
                "select title_id from titles order by pg_try_advisory_lock(42)")));
        assertEquals("sql.error.permission", reason(() -> sandbox.execute("select pg_terminate_backend(1)")));
        assertRefusedByTheDatabase("create temporary table t (a int)");
        assertRefusedByTheDatabase("create table public.t (a int)");
    }

    @Test
    void shouldLeaveNoAdvisoryLockHeldOnAnyPooledConnection() throws SQLException {
        for (int i = 0; i < EVERY_POOLED_CONNECTION; i++) {
            reason(() -> sandbox.run("select title_id from titles order by pg_try_advisory_lock(42)"));
            reason(() -> sandbox.execute("select title_id from titles order by pg_advisory_lock(42)"));
        }
        try (Connection connection = superuser.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from pg_locks l join pg_database d "
                     + "on d.oid = l.database where l.locktype = 'advisory' and d.datname = '" + SandboxDatabase.DATABASE + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1));
        }
    }

    @Test
    void shouldKeepNoSessionStateFromOneRunToTheNext() {
        for (int i = 0; i < EVERY_POOLED_CONNECTION; i++) {
            reason(() -> sandbox.execute("prepare leak as select name from titles"));
            reason(() -> sandbox.execute("set work_mem = '1GB'"));
        }
        for (int i = 0; i < EVERY_POOLED_CONNECTION; i++) {
            assertEquals("sql.error.query", reason(() -> sandbox.execute("execute leak")));
            assertEquals("4MB", first(sandbox.execute("show work_mem")));
        }
    }

    @Test
    void shouldRunUnderTheRolesOwnLimits() {
        assertEquals("1s", first(sandbox.execute("show lock_timeout")));
        assertEquals("5s", first(sandbox.execute("show idle_in_transaction_session_timeout")));
        assertEquals("16MB", first(sandbox.execute("show temp_file_limit")));
        assertEquals("4MB", first(sandbox.execute("show work_mem")));
        assertEquals("on", first(sandbox.execute("show default_transaction_read_only")));
    }

    @Test
    void shouldRefuseWritesAtTheGuardAndAtTheDatabase() {
        assertEquals("sql.refused.read-only", reason(() -> sandbox.run("delete from members")));
        assertEquals("sql.refused.read-only", reason(() -> sandbox.run(
                "with gone as (delete from plays returning *) select count(*) from gone")));
        assertRefusedByTheDatabase("with gone as (delete from plays returning *) select count(*) from gone");
        assertEquals(2520, ((Number) sandbox.run("select count(*) from plays").rows().get(0).get(0)).intValue());
    }

    @Test
    void shouldTellTheCandidateACodeAndNeverTheDatabasesMessage() {
        SandboxRefusal refusal = assertThrows(SandboxRefusal.class, () -> sandbox.run("select name::int from titles"));
        assertEquals("sql.error.query", refusal.reason());
        assertEquals(SandboxRefusal.Code.QUERY.sentence(), refusal.getMessage()); // PostgreSQL would quote 'Title 01'
        assertFalse(refusal.getMessage().contains("Title"));
    }

    @Test
    void shouldStopAStatementThatRunsPastTheTimeout() {
        assertEquals("sql.error.timeout", reason(() -> sandbox.run(
                "select count(*) from plays a cross join plays b cross join plays c")));
    }

    @Test
    void shouldCutOffRowsAtTheRowCapAndRefuseAResultPastTheByteCap() {
        SqlSandbox.Rows rows = sandbox.run("select play_id from plays");
        assertEquals(100, rows.rows().size());
        assertTrue(rows.truncated());
        assertEquals("sql.error.resources", reason(() -> sandbox.run(
                "select string_agg(a.name || b.name, ',') from titles a cross join titles b cross join titles c")));
    }

    @Test
    void shouldExplainInflatedCountsFromJoiningOnTheMemberInsteadOfTheSession() {
        String reference = """
                select s.device, count(distinct p.play_id) as plays
                from plays p join sessions s on s.session_id = p.session_id
                join members m on m.member_id = p.member_id and not m.is_test_account
                group by s.device""";
        String candidate = """
                select s.device, count(*) as plays
                from plays p join sessions s on s.member_id = p.member_id
                group by s.device""";
        SqlInspector.Report report = new SqlInspector().inspect(candidate, "Plays per device");
        SqlOutcome outcome = ResultComparator.compare(sandbox.run(candidate), sandbox.run(reference), report.traps());

        assertFalse(outcome.matches());
        assertTrue(outcome.differences().stream().anyMatch(d -> d.contains("inflated")), outcome.differences().toString());
        assertTrue(outcome.differences().stream().anyMatch(d -> d.contains("member_id")));
        // the trap explanations name the fixture's own tables and columns, read from its catalog (SqlSchema)
        assertTrue(outcome.differences().stream().anyMatch(d -> d.contains("Duplicate rows in plays")));
        assertTrue(outcome.differences().stream().anyMatch(d -> d.contains("members.is_test_account")));
        assertTrue(ResultComparator.compare(sandbox.run(reference), sandbox.run(reference), List.of()).matches());
    }

    @Test
    void shouldInspectADataModifyingCteWithoutFailing() {
        SqlInspector.Report report = new SqlInspector().inspect("with x as (delete from titles returning *) select * from x", "");
        assertTrue(report.parsed());
        assertEquals(1, report.ctes());
    }

    /** A write or a CREATE: the read-only transaction or the missing privilege stops it, whichever PostgreSQL checks first. */
    private void assertRefusedByTheDatabase(String sql) {
        String reason = reason(() -> sandbox.execute(sql));
        assertTrue(reason.equals("sql.refused.read-only") || reason.equals("sql.error.permission"), sql + ": " + reason);
    }

    private static String first(SqlSandbox.Rows rows) {
        return String.valueOf(rows.rows().get(0).get(0));
    }

    private static String reason(Runnable call) {
        return assertThrows(SandboxRefusal.class, call::run).reason();
    }
}
