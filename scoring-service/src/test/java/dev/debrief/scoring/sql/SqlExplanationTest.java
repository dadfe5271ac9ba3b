package dev.debrief.scoring.sql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A SQL answer is the query, with an optional explanation in prose before or after it (issue #14, item 7). */
class SqlExplanationTest {

    static final String QUERY = "SELECT title_id, count(DISTINCT member_id) AS viewers FROM plays GROUP BY title_id";

    @Test
    void shouldFindTheQueryBesideAnExplanationAndCountTheExplanationAsStatedAssumptions() {
        String text = "I count distinct members because a member who replays a title is still one viewer.\n"
                + "Test accounts should be excluded too, but I left that out to keep it short.\n"
                + QUERY + ";\n"
                + "If duplicates matter for another metric I would dedupe on play_id first.";
        SqlInspector.Report report = new SqlInspector().inspect(text, "Viewers per title");
        assertTrue(report.parsed(), report.error());
        assertEquals(QUERY, report.finalQuery().sql());
        assertEquals(QUERY, text.substring(report.finalQuery().start(), report.finalQuery().end()));
        assertEquals(0, report.checks(), "prose is not a check");
        assertEquals(3, report.commentLines(), "each line of prose states something");
        assertTrue(report.has(SqlInspector.TEST_ACCOUNTS));
    }

    @Test
    void shouldKeepAPlainQueryAndItsChecksAsBefore() {
        String text = "-- dedupe check\nSELECT count(*) - count(DISTINCT play_id) FROM plays;\n" + QUERY + ";";
        SqlInspector.Report report = new SqlInspector().inspect(text, "Viewers per title");
        assertEquals(1, report.checks());
        assertEquals(QUERY, report.finalQuery().sql());
        assertEquals(1, report.commentLines());
    }

    @Test
    void shouldScoreAnExplanationWithoutAnyQueryAsUnparsed() {
        SqlInspector.Report report = new SqlInspector().inspect("I would count distinct members per title.", "Viewers per title");
        assertTrue(!report.parsed());
        assertEquals(List.of(), report.statements());
    }
}
