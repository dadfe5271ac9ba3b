package dev.debrief.question.index;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class QuestionDocumentsTest {

    private static final UUID ID = UUID.fromString("4b8478ff-3ddd-4f21-b9c5-dbf146171221");

    @Test
    void shouldReadBackThePackedRowAsWritten() {
        CatalogRow row = row("PUBLISHED", "METRIC_DESIGN", List.of("SENIOR", "STAFF"), List.of("JUDGMENT", "IMPACT"));

        CatalogRow back = QuestionDocuments.unpack(QuestionDocuments.pack(row));

        assertEquals(withoutExtra(row), back);
        // the enum's own string: a list of twenty rows allocates none of its taxonomy
        assertSame("METRIC_DESIGN", back.category());
    }

    @Test
    void shouldReadBackValuesOutsideTheClosedVocabulariesInFull() {
        CatalogRow row = row("ARCHIVED", "metric design (old name)", List.of("SENIOR", "L7"), List.of("Grit", ""));

        assertEquals(withoutExtra(row), QuestionDocuments.unpack(QuestionDocuments.pack(row)));
    }

    @Test
    void shouldPackEachClosedWordInOneByte() {
        int none = QuestionDocuments.pack(row("DRAFT", "SQL", List.of(), List.of())).length;
        int three = QuestionDocuments.pack(row("DRAFT", "SQL", List.of("MID", "SENIOR_MANAGER", "DIRECTOR"),
                List.of())).length;

        assertEquals(3, three - none);
    }

    private static CatalogRow row(String status, String category, List<String> levels, List<String> competencies) {
        return new CatalogRow(ID, "decided-with-incomplete-data", 3, status, "firm-3", "A decision on thin data",
                "Tell me about a time you committed to a decision — with incomplete data.", "probe text",
                category, "DATA_PM", levels, null, "HIRING_MANAGER", competencies, List.of("ambiguity", "metrics"),
                "HARD", 900, "FREE_TEXT", "netflix-dpm", 1_764_000_000_123_456L);
    }

    private static CatalogRow withoutExtra(CatalogRow r) {
        return new CatalogRow(r.id(), r.slug(), r.version(), r.status(), r.tenant(), r.title(), r.prompt(), null,
                r.category(), r.role(), r.levels(), r.company(), r.roundType(), r.competencies(), r.tags(),
                r.difficulty(), r.timeBudgetSeconds(), r.answerFormat(), r.rubric(), r.updatedMicros());
    }
}
