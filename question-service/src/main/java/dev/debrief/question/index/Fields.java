package dev.debrief.question.index;

/** The index's field names, in one place: documents are written and read with these. */
final class Fields {

    static final String ID = "id";
    /**
     * The id's two halves as numbers whose signed order is the halves' unsigned order: PostgreSQL's uuid
     * order, the tie-breaker of every sort. Numbers, not the id's bytes as a sorted value: a sort copies the
     * tie-breaker of every competitive hit, and a sorted value's copy decompresses a block of its terms.
     */
    static final String ID_HIGH = "id.high";
    static final String ID_LOW = "id.low";
    static final String SLUG = "slug";
    static final String VERSION = "version";
    /** The empty string for the public catalog (StringField needs a value to filter on). */
    static final String TENANT = "tenant";
    static final String STATUS = "status";
    /**
     * "yes" on every question that is not retired: who may see drafts sees them through this positive clause. A
     * {@code MUST_NOT status:RETIRED} clause made Lucene score the rest of the query between each pair of retired
     * documents, thousands of tiny windows per list.
     */
    static final String NOT_RETIRED = "status.notRetired";
    static final String TITLE = "title";
    static final String TITLE_SORT = "title.sort";
    static final String PROMPT = "prompt";
    static final String EXTRA = "extra";
    static final String SUGGEST = "title.prefixes";
    static final String CATEGORY = "category";
    static final String ROLE = "role";
    static final String LEVEL = "level";
    static final String COMPANY = "company";
    static final String ROUND_TYPE = "roundType";
    static final String COMPETENCY = "competency";
    static final String TAG = "tag";
    static final String DIFFICULTY = "difficulty";
    static final String DIFFICULTY_RANK = "difficulty.rank";
    static final String TIME_BUDGET = "timeBudget";
    static final String ANSWER_FORMAT = "answerFormat";
    static final String RUBRIC = "rubric";
    static final String UPDATED = "updated";
    /** Binary doc values: what a list item shows, packed (see {@link QuestionDocuments#pack}). */
    static final String ROW = "row";

    private Fields() {
    }
}
