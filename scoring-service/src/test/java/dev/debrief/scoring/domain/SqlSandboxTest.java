package dev.debrief.scoring.domain;

import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sandbox's guarantees, each refused through the public entry point and, where the database is the lock,
 * also through the database alone (no parser). Tests connect as the superuser, so every database refusal here
 * comes from the sandbox role and the read-only transaction, not from a weak connecting role.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class SqlSandboxTest {

    @Inject
    SqlSandbox sandbox;

    @Test
    void shouldRunASelectOverTheFixtureTables() {
        SqlSandbox.Rows rows = sandbox.run("select count(*) as plays from plays");
        assertEquals(List.of("plays"), rows.columns());
        assertEquals(1, rows.rows().size());
    }

    @Test
    void shouldRefuseMoreThanOneStatement() {
        assertEquals("one-statement", refusal(() -> sandbox.run("select 1 from titles; select 2 from titles")));
    }

    @Test
    void shouldRefuseWritesAtTheParserAndAtTheDatabase() {
        assertEquals("read-only", refusal(() -> sandbox.run("insert into titles values (99, 'x', 'drama', true, now())")));
        assertEquals("read-only", refusal(() -> sandbox.run("delete from members")));
        assertEquals("read-only", refusal(() -> sandbox.run("select * into stolen from members")));
        // a data-modifying CTE parses as a SELECT: the read-only transaction and the role stop it
        String reason = refusal(() -> sandbox.execute("with gone as (delete from plays returning *) select count(*) from gone"));
        assertTrue(reason.equals("read-only") || reason.equals("permission"), reason);
        assertEquals(2520, ((Number) sandbox.run("select count(*) from plays").rows().get(0).get(0)).intValue());
    }

    @Test
    void shouldRefuseOtherSchemasAtTheParserAndAtTheDatabase() {
        assertEquals("other-schema", refusal(() -> sandbox.run("select * from scoring.answer_score")));
        assertEquals("other-schema", refusal(() -> sandbox.run("select * from scoring.outbox_event")));
        assertEquals("other-schema", refusal(() -> sandbox.run("select rolname, rolpassword from pg_catalog.pg_authid")));
        assertEquals("other-schema", refusal(() -> sandbox.run("select * from pg_shadow")));
        assertEquals("permission", refusal(() -> sandbox.execute("select * from scoring.answer_score")));
        assertEquals("permission", refusal(() -> sandbox.execute("select rolpassword from pg_catalog.pg_authid")));
    }

    @Test
    void shouldRefuseFilesAndSettings() {
        assertEquals("function", refusal(() -> sandbox.run("select pg_read_file('/etc/passwd')")));
        assertEquals("function", refusal(() -> sandbox.run("select set_config('statement_timeout', '0', false)")));
        assertEquals("function", refusal(() -> sandbox.run("select current_setting('data_directory')")));
        assertEquals("function", refusal(() -> sandbox.run("select pg_sleep(10)")));
        assertFalse(refusal(() -> sandbox.run("copy members to '/tmp/members.csv'")).isEmpty());
        assertEquals("permission", refusal(() -> sandbox.execute("select pg_read_file('/etc/passwd')")));
    }

    @Test
    void shouldStopAStatementThatRunsPastTheTimeout() {
        assertEquals("timeout", refusal(() -> sandbox.run(
                "select count(*) from plays a cross join plays b cross join plays c")));
    }

    @Test
    void shouldCutOffRowsAtTheRowCap() {
        SqlSandbox.Rows rows = sandbox.run("select play_id from plays");
        assertEquals(100, rows.rows().size());
        assertTrue(rows.truncated());
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
        assertTrue(outcome.differences().stream().anyMatch(d -> d.contains("Duplicate play rows")));
        assertTrue(outcome.differences().stream().anyMatch(d -> d.contains("Test accounts")));
        assertTrue(ResultComparator.compare(sandbox.run(reference), sandbox.run(reference), List.of()).matches());
    }

    private static String refusal(Runnable call) {
        return assertThrows(SandboxRefusal.class, call::run).reason();
    }
}
