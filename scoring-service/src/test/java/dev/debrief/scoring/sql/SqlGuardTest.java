package dev.debrief.scoring.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The guard alone (no database), attacks first: a denied function in every clause the old guard did not look at,
 * data-modifying CTEs, catalog reads, casts that look things up, and node types nobody reviewed.
 */
class SqlGuardTest {

    /** The escape that read every firm's answers through GET /api/scores (issue 13, finding 1). */
    static final String ESCAPE = "select title_id from titles order by (set_config('role','none',true) || "
            + "query_to_xml('select tenant, candidate, left(text,70) from scoring.answer', true, true, '')::text)::int";

    private final SqlGuard guard = new SqlGuard("scoring_fixture");

    @Test
    void shouldRefuseTheEscapeThatReadEveryFirmsAnswers() {
        assertEquals("sql.refused.function", refusal(ESCAPE));
    }

    @Test
    void shouldRefuseAnAdvisoryLockTakenInOrderBy() {
        assertEquals("sql.refused.function", refusal("select title_id from titles order by pg_try_advisory_lock(42)"));
    }

    @Test
    void shouldRefuseADataModifyingCteInsteadOfFailingOnIt() {
        assertEquals("sql.refused.read-only", refusal("with x as (delete from titles returning *) select * from x"));
        assertEquals("sql.refused.read-only", refusal(
                "with x as (update members set plan = 'basic' returning member_id) select count(*) from x"));
        assertEquals("sql.refused.read-only", refusal(
                "with x as (insert into titles values (99, 'x', 'drama', true, now()) returning *) select * from x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // every clause and nesting, each hiding pg_sleep (allowed functions around it do not launder it)
        "select pg_sleep(1) from titles",
        "select title_id from generate_series(1, 2) g(i), titles where pg_sleep(1) is null",
        "select title_id from pg_sleep(1) s, titles",
        "select t.title_id from titles t join plays p on p.title_id = t.title_id and pg_sleep(1) is null",
        "select title_id from titles where title_id = 1 or pg_sleep(1) is null",
        "select genre from titles group by genre, pg_sleep(1)",
        "select genre from titles group by genre having count(*) > 0 and pg_sleep(1) is not null",
        "select title_id from titles order by pg_sleep(1)",
        "select title_id from titles order by title_id desc nulls last, coalesce(pg_sleep(1)::text, 'x')",
        "select title_id from titles limit (select count(*) from titles where pg_sleep(1) is null)",
        "select title_id from titles offset (select count(*) from titles where pg_sleep(1) is null)",
        "select count(*) filter (where pg_sleep(1) is null) from titles",
        "select row_number() over (partition by pg_sleep(1)) from titles",
        "select row_number() over (order by pg_sleep(1)) from titles",
        "select sum(title_id) over (partition by genre order by pg_sleep(1)::text rows between 1 preceding and current row) from titles",
        "select (select pg_sleep(1)) from titles",
        "select title_id from titles where exists (select 1 from plays where pg_sleep(1) is null)",
        "select title_id from titles where title_id in (select title_id from plays where pg_sleep(1) is null)",
        "with slow as (select pg_sleep(1) as s) select * from slow",
        "with recursive r(n) as (select 1 union all select n + 1 from r where pg_sleep(0.1) is null) select * from r",
        "select * from (values (1, pg_sleep(1))) v(a, b)",
        "select t.title_id, l.x from titles t, lateral (select pg_sleep(1) as x) l",
        "select case when pg_sleep(1) is null then 1 else 2 end from titles",
        "select case title_id when 1 then 'a' else pg_sleep(1)::text end from titles",
        "select cast(pg_sleep(1) as text) from titles",
        "select array[pg_sleep(1)] from titles",
        "select (title_id, pg_sleep(1)) = (1, null) from titles",
        "select title_id from titles where title_id between 1 and coalesce(pg_sleep(1)::text, '2')::int",
        "select title_id from titles where name like pg_sleep(1)::text",
        "select title_id from titles union select pg_sleep(1)::text::int from titles",
        "select string_agg(name, ',' order by pg_sleep(1)::text) from titles",
        "select title_id from titles where title_id = any(array[pg_sleep(1)::text::int])",
        "select extract(year from released_on + pg_sleep(1)::text::interval) from titles",
    })
    void shouldRefuseADeniedFunctionInEveryClause(String sql) {
        assertEquals("sql.refused.function", refusal(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select * from pg_stat_activity",
        "select name, setting from pg_settings",
        "select * from pg_catalog.pg_settings",
        "select * from scoring.answer",
        "select * from scoring_fixture.flyway_schema_history",
        "select * from other.titles",
        "select title_id from titles where exists (select 1 from pg_roles)",
        // a CTE's name is a CTE only inside its own query: outside, pg_settings is the catalog view again
        "select * from (with pg_settings as (select 1 as a) select * from pg_settings) x, pg_settings",
    })
    void shouldRefuseReadingAnythingButTheFixture(String sql) {
        assertEquals("sql.refused.table", refusal(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "select 'pg_authid'::regclass",
        "select title_id::oid from titles",
        "select '<x/>'::xml from titles",
    })
    void shouldRefuseCastsThatLookThingsUp(String sql) {
        assertEquals("sql.refused.type", refusal(sql), sql);
    }

    @Test
    void shouldRefuseWhatIsNotOneReadOnlySelect() {
        assertEquals("sql.refused.statements", refusal("select 1 from titles; select 2 from titles"));
        assertEquals("sql.refused.read-only", refusal("delete from members"));
        assertEquals("sql.refused.read-only", refusal("select * into stolen from members"));
        assertEquals("sql.refused.read-only", refusal("select title_id from titles for update"));
        assertEquals("sql.error.syntax", refusal("selec title_id frm titles"));
    }

    @Test
    void shouldRefuseNodeTypesNobodyReviewed() {
        assertEquals("sql.refused.construct", refusal("select title_id from titles tablesample system (10)"));
        assertEquals("sql.refused.construct", refusal("select title_id from titles where title_id = ?"));
        assertEquals("sql.refused.construct", refusal("select title_id from titles where title_id = :id"));
    }

    @Test
    void shouldNameTheRefusedFunctionFromTheCandidatesOwnStatementOnly() {
        SandboxRefusal refusal = assertThrows(SandboxRefusal.class, () -> guard.check(ESCAPE));
        assertTrue(refusal.getMessage().startsWith(SandboxRefusal.Code.FUNCTION.sentence()), refusal.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        """
        select s.device, count(distinct p.play_id) as plays
        from plays p join sessions s on s.session_id = p.session_id
        join members m on m.member_id = p.member_id and not m.is_test_account
        group by s.device having count(*) > 1 order by plays desc nulls last limit 10 offset 0""",
        """
        with ranked as (
          select title_id, sum(seconds_watched) / 3600.0 as hours,
                 row_number() over (partition by title_id order by started_at desc) as rn,
                 percent_rank() over (order by sum(seconds_watched)) as pr
          from (select distinct play_id, title_id, seconds_watched, started_at from plays) p
          group by title_id, started_at)
        select t.name, round(r.hours::numeric, 2), cast(r.pr as numeric(5, 2))
        from ranked r join titles t using (title_id) where r.rn = 1 and t.genre in ('drama', 'kids')""",
        "select count(*) filter (where is_test_account) as tests, count(*) from members",
        "select date_trunc('week', started_at) as week, count(*) from sessions where started_at > now() - interval '30 days' group by 1",
        "select extract(dow from started_at), coalesce(nullif(device, ''), 'unknown') from sessions",
        "select case when seconds_watched > 3600 then 'long' when seconds_watched between 60 and 600 then 'short' else 'mid' end from plays",
        "select title_id from titles where exists (select 1 from plays p where p.title_id = titles.title_id)",
        "select * from (values (1, 'a'), (2, 'b')) v(id, label)",
        "select t.title_id, l.n from titles t cross join lateral (select count(*) as n from plays p where p.title_id = t.title_id) l",
        "select i from generate_series(1, 3) as g(i)",
        "select title_id from titles union all select title_id from plays except select 5",
        "select title_id from titles where name like 'Title 0%' and name is not null and is_original is true",
        "select array[1, 2], (1, 2) = (1, 2), current_date, date '2025-01-01', released_on::timestamp from titles",
        "select m.*, upper(m.country) from members m where m.plan = any(array['basic', 'premium'])",
        "with recursive r(n) as (select 1 union all select n + 1 from r where n < 5) select n from r",
    })
    void shouldAllowTheQueriesInterviewsAskFor(String sql) {
        assertDoesNotThrow(() -> guard.check(sql), sql);
    }

    private String refusal(String sql) {
        return assertThrows(SandboxRefusal.class, () -> guard.check(sql), sql).reason();
    }
}
