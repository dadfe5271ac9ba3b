package dev.debrief.question;

import dev.debrief.question.index.CatalogLoader;
import dev.debrief.testsupport.RealInfra;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.debrief.question.Catalog.admin;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Writes that this replica did not make (another replica's, or a script's) reach its index through the delta
 * poll: an update replaces the indexed question rather than adding a second one, a transaction that commits
 * after a later one is not skipped, and a delete brings a full load of everything else.
 */
@QuarkusTest
@TestProfile(RealInfra.class)
class CatalogIndexFreshnessTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    CatalogLoader catalogLoader;

    @Test
    void shouldShowAnotherReplicasEditInListsAsTheSameQuestion() throws SQLException {
        String tag = unique("fresh");
        String slug = create(tag);
        awaitList(tag, p -> p.getInt("total") == 1);   // this replica's own write is applied: from here only the poll helps

        try (Connection c = dataSource.getConnection()) {   // not through this replica's API: only the poll sees it
            retitle(c, slug, "Edited elsewhere");
        }

        JsonPath page = awaitList(tag, p -> p.getList("items.title").contains("Edited elsewhere"));
        assertEquals(1, page.getInt("total"));
        assertEquals(List.of(slug), page.getList("items.slug"));
    }

    @Test
    void shouldNotSkipATransactionThatCommitsAfterALaterOne() throws SQLException {
        String tag = unique("late");
        List<String> slugs = twoIndexed(tag);
        String early = slugs.get(0);
        String later = slugs.get(1);

        try (Connection slow = dataSource.getConnection(); Connection fast = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            retitle(slow, early, "Committed last");   // begins first, commits last
            retitle(fast, later, "Committed first");
            awaitList(tag, p -> p.getList("items.title").contains("Committed first"));
            slow.commit();
        }

        JsonPath page = awaitList(tag, p -> p.getList("items.title").contains("Committed last"));
        assertEquals(2, page.getInt("total"));
        assertEquals(List.of("Committed first", "Committed last"), page.getList("items.title"));
    }

    @Test
    void shouldServeAnotherReplicasNewVersionOnReadsByIdOnceTheIndexTakesItIn() throws SQLException {
        String tag = unique("byid");
        String slug = create(tag);
        String id = admin().get("/api/questions/" + slug).then().statusCode(200).extract().path("id");
        admin().get("/api/questions/" + id).then().statusCode(200).body("currentVersion", org.hamcrest.Matchers.equalTo(1));
        admin().get("/api/questions/" + id).then().statusCode(200);   // now cached

        try (Connection c = dataSource.getConnection()) {   // a new version written by someone else
            c.setAutoCommit(false);
            try (PreparedStatement v = c.prepareStatement("insert into question_version (question_id, version, status, "
                    + "content, created_at, created_by) select question_id, 2, status, jsonb_set(content, '{title}', "
                    + "'\"Revised elsewhere\"'), now(), 'test' from question_version where question_id = ?::uuid and version = 1");
                    PreparedStatement q = c.prepareStatement(
                            "update question set version = 2, title = 'Revised elsewhere' where id = ?::uuid")) {
                v.setString(1, id);
                q.setString(1, id);
                assertEquals(1, v.executeUpdate());
                assertEquals(1, q.executeUpdate());
            }
            c.commit();
        }

        for (int attempt = 0; attempt < 100; attempt++) {
            JsonPath view = admin().get("/api/questions/" + id).then().statusCode(200).extract().jsonPath();
            if (view.getInt("currentVersion") == 2) {
                assertEquals("Revised elsewhere", view.getString("content.title"));
                return;
            }
            sleep();
        }
        fail("the read by id never showed the new version");
    }

    @Test
    void shouldReloadTheWholeIndexWhenAQuestionIsDeletedElsewhere() throws SQLException {
        String tag = unique("gone");
        List<String> slugs = twoIndexed(tag);
        String kept = slugs.get(0);
        String deleted = slugs.get(1);

        try (Connection c = dataSource.getConnection()) {   // a delete leaves no row to poll: the epoch moves instead
            c.setAutoCommit(false);
            try (PreparedStatement v = c.prepareStatement(
                    "delete from question_version where question_id = (select id from question where slug = ?)");
                    PreparedStatement q = c.prepareStatement("delete from question where slug = ?")) {
                v.setString(1, deleted);
                q.setString(1, deleted);
                v.executeUpdate();
                assertEquals(1, q.executeUpdate());
            }
            c.commit();
        }

        // the full load that follows adds every question to an emptied index: each once, and no deleted one
        JsonPath page = awaitList(tag, p -> p.getInt("total") == 1);
        assertEquals(List.of(kept), page.getList("items.slug"));
        assertEquals(1, ((Number) page.getMap("facets.tag").get(tag)).intValue());
    }

    @Test
    void shouldHandAFullLoadOnGroupedSoThatAListsMatchesAreNeighboursInTheIndex() {
        String tag = unique("grouped");
        for (String category : List.of("SQL", "BEHAVIORAL", "SQL", "LEADERSHIP", "BEHAVIORAL", "SQL")) {
            String slug = unique(tag);   // written interleaved: the load must not hand them on in this order
            Catalog.create(admin(), with(with(question(slug), "tags", List.of(tag)), "category", category));
        }

        List<String> runs = new ArrayList<>();   // category/role/difficulty, once per run of rows that share it
        catalogLoader.load(0, row -> {
            String group = row.category() + "/" + row.role() + "/" + row.difficulty();
            if (runs.isEmpty() || !runs.getLast().equals(group)) {
                runs.add(group);
            }
        });
        assertEquals(new HashSet<>(runs).size(), runs.size(), () -> "a group came in two runs: " + runs);
        assertTrue(runs.size() >= 3, "the three categories written here, at least");
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Two new questions of the tag, once this replica's index lists both. */
    private static List<String> twoIndexed(String tag) {
        List<String> slugs = List.of(create(tag), create(tag));
        awaitList(tag, p -> p.getInt("total") == 2);
        return slugs;
    }

    private static String create(String tag) {
        String slug = unique(tag);
        Catalog.create(admin(), with(question(slug), "tags", List.of(tag)));
        return slug;
    }

    private static void retitle(Connection c, String slug, String title) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update question set title = ? where slug = ?")) {
            ps.setString(1, title);
            ps.setString(2, slug);
            assertEquals(1, ps.executeUpdate());
        }
    }

    /** The admin's list of this tag (sorted by title) once it satisfies {@code done}; the poll runs every second. */
    private static JsonPath awaitList(String tag, Predicate<JsonPath> done) {
        JsonPath page = null;
        for (int attempt = 0; attempt < 100; attempt++) {
            page = admin().get("/api/questions?tag=" + tag + "&sort=title").then().statusCode(200).extract().jsonPath();
            if (done.test(page)) {
                return page;
            }
            sleep();
        }
        fail("the index never showed the change; last page: " + page.prettify());
        return page;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
