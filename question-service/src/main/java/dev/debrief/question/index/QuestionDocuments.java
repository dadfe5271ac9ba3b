package dev.debrief.question.index;

import dev.debrief.question.persistence.QuestionRow;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A catalog row as a Lucene document, and a stored document back as a list item. */
final class QuestionDocuments {

    /** Facet dimensions, in the order an answer lists them. */
    static final List<String> DIMENSIONS = List.of(Fields.CATEGORY, Fields.ROLE, Fields.LEVEL, Fields.COMPANY,
            Fields.ROUND_TYPE, Fields.COMPETENCY, Fields.DIFFICULTY, Fields.ANSWER_FORMAT, Fields.TAG);
    private static final List<String> DIFFICULTIES = List.of("EASY", "MEDIUM", "HARD");
    private static final int EXCERPT = 160;

    /** Searched texts: positions for phrases, offsets so the highlighter needs no re-analysis; prompt stored. */
    private static final FieldType SEARCHED = searched(false);
    private static final FieldType SEARCHED_STORED = searched(true);

    private QuestionDocuments() {
    }

    static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.LEVEL, true);
        config.setMultiValued(Fields.COMPETENCY, true);
        config.setMultiValued(Fields.TAG, true);
        return config;
    }

    static Term idTerm(UUID id) {
        return new Term(Fields.ID, id.toString());
    }

    static Document of(CatalogRow q, FacetsConfig config) throws IOException {
        Document d = new Document();
        d.add(new StringField(Fields.ID, q.id().toString(), Field.Store.YES));
        d.add(new SortedDocValuesField(Fields.ID_SORT, new BytesRef(uuidBytes(q.id()))));
        d.add(new StoredField(Fields.SLUG, q.slug()));
        d.add(new StoredField(Fields.VERSION, q.version()));
        d.add(new StringField(Fields.TENANT, q.tenant() == null ? "" : q.tenant(), Field.Store.YES));
        d.add(new StringField(Fields.STATUS, q.status(), Field.Store.YES));
        d.add(new Field(Fields.TITLE, q.title(), SEARCHED_STORED));
        // UTF-8 bytes compare as code points: the order of the catalog database's C.UTF-8 collation
        d.add(new SortedDocValuesField(Fields.TITLE_SORT, new BytesRef(q.title())));
        d.add(new TextField(Fields.SUGGEST, q.title(), Field.Store.NO));
        d.add(new Field(Fields.PROMPT, q.prompt(), SEARCHED_STORED));
        d.add(new Field(Fields.EXTRA, q.extra(), SEARCHED));
        single(d, Fields.CATEGORY, q.category());
        single(d, Fields.ROLE, q.role());
        single(d, Fields.COMPANY, q.company());
        single(d, Fields.ROUND_TYPE, q.roundType());
        single(d, Fields.DIFFICULTY, q.difficulty());
        single(d, Fields.ANSWER_FORMAT, q.answerFormat());
        d.add(new StringField(Fields.RUBRIC, q.rubric(), Field.Store.YES));
        for (String v : q.levels()) {
            single(d, Fields.LEVEL, v);
        }
        for (String v : q.competencies()) {
            single(d, Fields.COMPETENCY, v);
        }
        for (String v : q.tags()) {
            single(d, Fields.TAG, v);
        }
        int rank = DIFFICULTIES.indexOf(q.difficulty());
        d.add(new NumericDocValuesField(Fields.DIFFICULTY_RANK, rank < 0 ? DIFFICULTIES.size() : rank));
        d.add(new NumericDocValuesField(Fields.TIME_BUDGET, q.timeBudgetSeconds()));
        d.add(new StoredField(Fields.TIME_BUDGET, q.timeBudgetSeconds()));
        d.add(new NumericDocValuesField(Fields.UPDATED, q.updatedMicros()));
        d.add(new StoredField(Fields.UPDATED, q.updatedMicros()));
        return config.build(d);
    }

    /** A filterable, stored value that is also a facet dimension. */
    private static void single(Document d, String field, String value) {
        if (value == null) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    /** A list item from the stored fields; {@code rank} the search score (null without a text). */
    static QuestionRow row(Document d, Double rank, String highlight) {
        String tenant = d.get(Fields.TENANT);
        long micros = d.getField(Fields.UPDATED).numericValue().longValue();
        return new QuestionRow(UUID.fromString(d.get(Fields.ID)), d.get(Fields.SLUG),
                d.getField(Fields.VERSION).numericValue().intValue(), d.get(Fields.STATUS),
                tenant.isEmpty() ? null : tenant, d.get(Fields.TITLE), excerpt(d.get(Fields.PROMPT)),
                d.get(Fields.CATEGORY), d.get(Fields.ROLE), values(d, Fields.LEVEL), d.get(Fields.COMPANY),
                d.get(Fields.ROUND_TYPE), values(d, Fields.COMPETENCY), values(d, Fields.TAG), d.get(Fields.DIFFICULTY),
                d.getField(Fields.TIME_BUDGET).numericValue().intValue(), d.get(Fields.ANSWER_FORMAT),
                d.get(Fields.RUBRIC), Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000),
                rank, highlight);
    }

    private static List<String> values(Document d, String field) {
        return java.util.Arrays.stream(d.getFields(field)).map(IndexableField::stringValue).toList();
    }

    /** The prompt's first 160 characters (code points, as PostgreSQL's left() counted them). */
    private static String excerpt(String prompt) {
        return prompt.codePointCount(0, prompt.length()) <= EXCERPT ? prompt
                : prompt.substring(0, prompt.offsetByCodePoints(0, EXCERPT));
    }

    private static byte[] uuidBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits())
                .array();
    }

    private static FieldType searched(boolean stored) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(stored);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }
}
