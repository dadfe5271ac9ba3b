package dev.debrief.scoring.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SQL trap checks come from the fixture's catalog, not from its names: the sandbox fixture's DDL gives the
 * known traps, and a second fixture with other table and column names gets the same checks under its own names.
 */
class SqlTrapsSchemaTest {

    /** A different fixture: other names, a nullable column, a QA flag, a keyless event table. */
    static final String OTHER = """
            create table catalog.shows (
                show_id   bigint primary key,
                show_name text not null,
                kind      varchar(20) not null
            );
            create table catalog.viewers (
                viewer_id  bigint primary key,
                region     char(2) not null,
                is_qa_user boolean not null,
                referrer   varchar(30)
            );
            create table catalog.visits (
                visit_id  bigint primary key,
                viewer_id bigint not null,
                platform  varchar(20) not null,
                opened_at timestamp not null
            );
            -- no key: an event can arrive twice
            create table catalog.stream_events (
                event_id  bigint not null,
                visit_id  bigint not null,
                viewer_id bigint not null,
                show_id   bigint not null,
                began_at  timestamptz not null,
                seconds   int not null
            );
            insert into catalog.shows values (1, 'A', 'drama');
            """;

    final SqlInspector other = new SqlInspector(SqlSchema.parse(OTHER));

    static List<String> codes(SqlInspector.Report report) {
        return report.traps().stream().map(SqlInspector.Trap::code).toList();
    }

    @Test
    void shouldReadTheSandboxFixturesCatalog() {
        SqlSchema fixture = SqlSchema.fixture();
        assertEquals(List.of("plays"), fixture.keyless().stream().map(SqlSchema.Table::name).toList());
        assertEquals("play_id", fixture.table("plays").orElseThrow().naturalKey());
        assertEquals(List.of(new SqlSchema.ExclusionFlag("members", "is_test_account", "member_id")), fixture.exclusionFlags());
        assertTrue(fixture.table("scoring_fixture.sessions").orElseThrow().isUnique("session_id"));
        assertFalse(fixture.table("sessions").orElseThrow().isUnique("member_id"));
        assertTrue(fixture.timestampColumns().containsAll(List.of("started_at", "signup_date", "released_on")));
        assertEquals(List.of("name"), fixture.table("titles").orElseThrow().labels());
    }

    @Test
    void shouldFindTheFixturesTrapsFromItsCatalog() {
        SqlInspector.Report report = new SqlInspector().inspect("""
                select s.device, count(*) from plays p
                join sessions s on s.member_id = p.member_id
                group by s.device""", "Plays per device in the last 7 days");
        assertEquals(List.of(SqlInspector.FANOUT, SqlInspector.DUPLICATES, SqlInspector.TEST_ACCOUNTS,
                SqlInspector.WINDOW_MISSING), codes(report));
        assertTrue(report.traps().get(0).explanation().contains("join on session_id"), report.traps().get(0).explanation());
    }

    @Test
    void shouldFindTheSameTrapsUnderAnotherSchemasNames() {
        SqlInspector.Report report = other.inspect("""
                select v.platform, count(*) as events
                from stream_events e
                join visits v on v.viewer_id = e.viewer_id
                join viewers w on w.viewer_id = e.viewer_id
                group by v.platform""", "Stream events per platform in the last 7 days");
        assertEquals(List.of(SqlInspector.FANOUT, SqlInspector.DUPLICATES, SqlInspector.TEST_ACCOUNTS,
                SqlInspector.WINDOW_MISSING), codes(report));
        String all = report.traps().stream().map(SqlInspector.Trap::explanation).reduce("", String::concat);
        assertTrue(all.contains("stream_events to visits on viewer_id") && all.contains("join on visit_id"), all);
        assertTrue(all.contains("event_id") && all.contains("viewers.is_qa_user") && all.contains("began_at"), all);
        for (String fixtureName : List.of("plays", "sessions", "member_id", "is_test_account", "play_id")) {
            assertFalse(all.contains(fixtureName), "names the sandbox fixture's " + fixtureName + ": " + all);
        }
    }

    @Test
    void shouldFindNoTrapInACarefulQueryOnTheOtherSchema() {
        SqlInspector.Report report = other.inspect("""
                with one_event as (
                  select distinct on (event_id) event_id, visit_id, viewer_id, seconds
                  from stream_events
                  where began_at >= now() - interval '7 days'
                  order by event_id
                )
                select v.platform, sum(e.seconds) / 3600.0 as hours
                from one_event e
                join visits v on v.visit_id = e.visit_id
                join viewers w on w.viewer_id = e.viewer_id
                where not w.is_qa_user
                group by v.platform""", "Hours per platform in the last 7 days");
        assertEquals(List.of(), codes(report));
    }

    @Test
    void shouldSeeALabelGroupingAndADroppedNullFromTheCatalog() {
        SqlInspector.Report byName = other.inspect("""
                select s.show_name, count(distinct e.viewer_id) from stream_events e
                join shows s on s.show_id = e.show_id
                join viewers w on w.viewer_id = e.viewer_id
                where not w.is_qa_user
                group by s.show_name""", "Distinct viewers per show");
        assertEquals(List.of(SqlInspector.NAME_GROUPING), codes(byName));
        assertTrue(byName.traps().get(0).explanation().contains("shows.show_name")
                && byName.traps().get(0).explanation().contains("show_id"), byName.traps().get(0).explanation());

        SqlInspector.Report nulls = other.inspect(
                "select count(*) from viewers where referrer <> 'ads' and not is_qa_user", "Viewers not from ads");
        assertEquals(List.of(SqlInspector.NULLS_DROPPED), codes(nulls));
        SqlInspector.Report handled = other.inspect(
                "select count(*) from viewers where (referrer <> 'ads' or referrer is null) and not is_qa_user", "Viewers not from ads");
        assertEquals(List.of(), codes(handled));
    }

    @Test
    void shouldNotAskAQueryThatReadsNoFlaggedRowsToFilterThem() {
        SqlInspector.Report report = other.inspect("select kind, count(*) from shows group by kind", "Shows per kind");
        assertEquals(List.of(), codes(report));
        assertNull(SqlSchema.parse(OTHER).table("plays").orElse(null));
    }
}
