package dev.debrief.question.index;

import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOConsumer;
import org.apache.lucene.util.IOSupplier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A catalog row as a Lucene document, and the document back as a list item. The item is read from one
 * binary doc value per document (the row packed), not from stored fields: those are compressed in blocks
 * of many documents, so each of a page's twenty items cost a block's decompression (and the highlighter's
 * read of the prompt another).
 */
final class QuestionDocuments {

    /** Facet dimensions, in the order an answer lists them. */
    static final List<String> DIMENSIONS = List.of(Fields.CATEGORY, Fields.ROLE, Fields.LEVEL, Fields.COMPANY,
            Fields.ROUND_TYPE, Fields.COMPETENCY, Fields.DIFFICULTY, Fields.ANSWER_FORMAT, Fields.TAG);
    private static final List<String> DIFFICULTIES = List.of("EASY", "MEDIUM", "HARD");
    private static final int EXCERPT = 160;

    /** Searched texts: positions for phrases. */
    private static final FieldType SEARCHED = searched(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
    /**
     * The prompt, which results highlight: offsets too, so the highlighter needs no re-analysis. Only the prompt:
     * offsets cost index time and size, and the title and the extra text are never highlighted.
     */
    private static final FieldType HIGHLIGHTED = searched(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    /** The title's word prefixes, for suggestions: single terms, scored, never a phrase, so no positions. */
    private static final FieldType PREFIXES = searched(IndexOptions.DOCS_AND_FREQS);

    private QuestionDocuments() {
    }

    static FacetsConfig facets() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.LEVEL, true);
        config.setMultiValued(Fields.COMPETENCY, true);
        config.setMultiValued(Fields.TAG, true);
        for (String dimension : DIMENSIONS) {
            // filters match each dimension's own StringField (single), so the facet module's drill-down terms
            // (two more terms per value in $facets) would only cost index time and size
            config.setDrillDownTermsIndexing(dimension, FacetsConfig.DrillDownTermsIndexing.NONE);
        }
        return config;
    }

    static Term idTerm(UUID id) {
        return new Term(Fields.ID, id.toString());
    }

    static Document of(CatalogRow q, FacetsConfig config) throws IOException {
        Document d = new Document();
        d.add(new StringField(Fields.ID, q.id().toString(), Field.Store.NO));
        d.add(new NumericDocValuesField(Fields.ID_HIGH, q.id().getMostSignificantBits() ^ Long.MIN_VALUE));
        d.add(new NumericDocValuesField(Fields.ID_LOW, q.id().getLeastSignificantBits() ^ Long.MIN_VALUE));
        d.add(new BinaryDocValuesField(Fields.ROW, pack(q)));
        d.add(new StringField(Fields.TENANT, q.tenant() == null ? "" : q.tenant(), Field.Store.NO));
        d.add(new StringField(Fields.STATUS, q.status(), Field.Store.NO));
        if (!Visibility.RETIRED.equals(q.status())) {
            d.add(new StringField(Fields.NOT_RETIRED, Visibility.YES, Field.Store.NO));
        }
        d.add(new Field(Fields.TITLE, q.title(), SEARCHED));
        // UTF-8 bytes compare as code points: the order of the catalog database's C.UTF-8 collation
        d.add(new SortedDocValuesField(Fields.TITLE_SORT, new BytesRef(q.title())));
        d.add(new Field(Fields.SUGGEST, q.title(), PREFIXES));
        d.add(new Field(Fields.PROMPT, q.prompt(), HIGHLIGHTED));
        d.add(new Field(Fields.EXTRA, q.extra(), SEARCHED));
        single(d, Fields.CATEGORY, q.category());
        single(d, Fields.ROLE, q.role());
        single(d, Fields.COMPANY, q.company());
        single(d, Fields.ROUND_TYPE, q.roundType());
        single(d, Fields.DIFFICULTY, q.difficulty());
        single(d, Fields.ANSWER_FORMAT, q.answerFormat());
        d.add(new StringField(Fields.RUBRIC, q.rubric(), Field.Store.NO));
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
        d.add(new NumericDocValuesField(Fields.UPDATED, q.updatedMicros()));
        return config.build(d);
    }

    /** A filterable, stored value that is also a facet dimension. */
    private static void single(Document d, String field, String value) {
        if (value == null) {
            return;
        }
        d.add(new StringField(field, value, Field.Store.NO));
        d.add(new SortedSetDocValuesFacetField(field, value));
    }

    /**
     * What a list item shows (and the whole prompt, which the highlighter reads), in one value; the closed
     * vocabularies' words a byte each ({@link ClosedWords}).
     */
    static BytesRef pack(CatalogRow q) {
        try {
            ByteBuffersDataOutput out = new ByteBuffersDataOutput(256);
            out.writeLong(q.id().getMostSignificantBits());
            out.writeLong(q.id().getLeastSignificantBits());
            out.writeString(q.slug());
            out.writeVInt(q.version());
            ClosedWords.write(out, q.status());
            optional(out, q.tenant());
            out.writeString(q.title());
            out.writeString(q.prompt());
            ClosedWords.write(out, q.category());
            ClosedWords.write(out, q.role());
            list(out, q.levels(), v -> ClosedWords.write(out, v));
            optional(out, q.company());
            ClosedWords.write(out, q.roundType());
            list(out, q.competencies(), v -> ClosedWords.write(out, v));
            list(out, q.tags(), out::writeString);
            ClosedWords.write(out, q.difficulty());
            out.writeVInt(q.timeBudgetSeconds());
            ClosedWords.write(out, q.answerFormat());
            out.writeString(q.rubric());
            out.writeLong(q.updatedMicros());
            return new BytesRef(out.toArrayCopy());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The packed row read back ({@code extra} is not packed: it is only searched, never shown). */
    static CatalogRow unpack(BytesRef b) {
        try {
            return unpack(new ByteArrayDataInput(b.bytes, b.offset, b.length));
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // an array in memory: cannot happen
        }
    }

    private static CatalogRow unpack(ByteArrayDataInput in) throws IOException {
        UUID id = new UUID(in.readLong(), in.readLong());
        String slug = in.readString();
        int version = in.readVInt();
        String status = ClosedWords.read(in);
        String tenant = optional(in);
        String title = in.readString();
        String prompt = in.readString();
        String category = ClosedWords.read(in);
        String role = ClosedWords.read(in);
        List<String> levels = list(in, () -> ClosedWords.read(in));
        String company = optional(in);
        String roundType = ClosedWords.read(in);
        List<String> competencies = list(in, () -> ClosedWords.read(in));
        List<String> tags = list(in, in::readString);
        String difficulty = ClosedWords.read(in);
        int timeBudget = in.readVInt();
        String answerFormat = ClosedWords.read(in);
        String rubric = in.readString();
        long updated = in.readLong();
        return new CatalogRow(id, slug, version, status, tenant, title, prompt, null, category, role, levels, company,
                roundType, competencies, tags, difficulty, timeBudget, answerFormat, rubric, updated);
    }

    /** The packed row of a document of {@code reader} (a top-level doc id). */
    static CatalogRow read(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        BinaryDocValues values = leaf.reader().getBinaryDocValues(Fields.ROW);
        if (values == null || !values.advanceExact(doc - leaf.docBase)) {
            throw new IllegalStateException("document " + doc + " of the catalog index has no row");
        }
        return unpack(values.binaryValue());
    }

    /** A list item from the packed row; {@code rank} the search score (null without a text). */
    static QuestionRow row(CatalogRow r, Double rank, String highlight) {
        long micros = r.updatedMicros();
        return new QuestionRow(r.id(), r.slug(), r.version(), r.status(), r.tenant(), r.title(), excerpt(r.prompt()),
                r.category(), r.role(), r.levels(), r.company(), r.roundType(), r.competencies(), r.tags(),
                r.difficulty(), r.timeBudgetSeconds(), r.answerFormat(), r.rubric(),
                Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000),
                rank, highlight);
    }

    private static void optional(ByteBuffersDataOutput out, String value) throws IOException {
        out.writeByte(value == null ? (byte) 0 : (byte) 1);
        if (value != null) {
            out.writeString(value);
        }
    }

    private static String optional(ByteArrayDataInput in) throws IOException {
        return in.readByte() == 0 ? null : in.readString();
    }

    /** A list of values, its length first, each written by {@code each}. */
    private static void list(ByteBuffersDataOutput out, List<String> values, IOConsumer<String> each)
            throws IOException {
        out.writeVInt(values.size());
        for (String v : values) {
            each.accept(v);
        }
    }

    private static List<String> list(ByteArrayDataInput in, IOSupplier<String> each) throws IOException {
        String[] out = new String[in.readVInt()];
        for (int i = 0; i < out.length; i++) {
            out[i] = each.get();
        }
        return List.of(out);
    }

    /** The prompt's first 160 characters (code points, as PostgreSQL's left() counted them). */
    private static String excerpt(String prompt) {
        return prompt.codePointCount(0, prompt.length()) <= EXCERPT ? prompt
                : prompt.substring(0, prompt.offsetByCodePoints(0, EXCERPT));
    }

    private static FieldType searched(IndexOptions options) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(false);
        t.setIndexOptions(options);
        t.freeze();
        return t;
    }
}
