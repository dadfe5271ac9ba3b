package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One question as a replica's index holds it: the current version's taxonomy and what a list item shows
 * (no long text: the excerpt is the prompt's first 160 characters). Immutable and shared between snapshots.
 * <p>
 * Packed, because a replica holds one per question (100,000 and more): the id as two longs, the closed
 * vocabularies as ordinals, and slug, title and excerpt in one array (one object instead of six): slug and
 * title as UTF-8, whose byte order is code point order, so titles sort without decoding; the excerpt coded
 * with the catalog's {@link WordCodes}. Repeated strings and lists (tenants, companies, rubrics, levels,
 * competencies, tags) are the loader's canonical instances, shared by every question.
 */
public final class IndexedQuestion {

    private static final QuestionStatus[] STATUSES = QuestionStatus.values();
    private static final Category[] CATEGORIES = Category.values();
    private static final JobRole[] ROLES = JobRole.values();
    private static final RoundType[] ROUND_TYPES = RoundType.values();
    private static final Difficulty[] DIFFICULTIES = Difficulty.values();
    private static final AnswerFormat[] ANSWER_FORMATS = AnswerFormat.values();

    private final long idHigh;
    private final long idLow;
    private final long updatedMicros;
    private final int key;
    private final int version;
    private final int timeBudgetSeconds;
    /** slug, then title from here, then excerpt from {@link #excerptAt}: byte offsets into {@link #text}. */
    private final char titleAt;
    private final char excerptAt;
    private final byte[] text;
    private final WordCodes words;
    private final String tenant;
    private final String company;
    private final String rubric;
    private final List<String> levels;
    private final List<String> competencies;
    private final List<String> tags;
    private final byte status;
    private final byte category;
    private final byte role;
    private final byte roundType;
    private final byte difficulty;
    private final byte answerFormat;

    /**
     * @param key the row's dense {@code catalog_key}; full-text search answers with it
     */
    public IndexedQuestion(int key, UUID id, String slug, int version, QuestionStatus status, String tenant,
            String title, String excerpt, Category category, JobRole role, List<String> levels, String company,
            RoundType roundType, List<String> competencies, List<String> tags, Difficulty difficulty,
            int timeBudgetSeconds, AnswerFormat answerFormat, String rubric, long updatedMicros) {
        this(key, id, slug, version, status, tenant, title, excerpt, category, role, levels, company, roundType,
                competencies, tags, difficulty, timeBudgetSeconds, answerFormat, rubric, updatedMicros, WordCodes.NONE);
    }

    /** As above, the excerpt coded with these words (the loader's dictionary). */
    IndexedQuestion(int key, UUID id, String slug, int version, QuestionStatus status, String tenant,
            String title, String excerpt, Category category, JobRole role, List<String> levels, String company,
            RoundType roundType, List<String> competencies, List<String> tags, Difficulty difficulty,
            int timeBudgetSeconds, AnswerFormat answerFormat, String rubric, long updatedMicros, WordCodes words) {
        byte[] s = slug.getBytes(StandardCharsets.UTF_8);
        byte[] t = title.getBytes(StandardCharsets.UTF_8);
        byte[] e = words.encode(excerpt);
        if (s.length + t.length > Character.MAX_VALUE) {   // slugs and titles are validated far shorter
            throw new IllegalArgumentException("slug and title exceed 65,535 bytes");
        }
        this.words = words;
        this.text = new byte[s.length + t.length + e.length];
        System.arraycopy(s, 0, text, 0, s.length);
        System.arraycopy(t, 0, text, s.length, t.length);
        System.arraycopy(e, 0, text, s.length + t.length, e.length);
        this.titleAt = (char) s.length;
        this.excerptAt = (char) (s.length + t.length);
        this.key = key;
        this.idHigh = id.getMostSignificantBits();
        this.idLow = id.getLeastSignificantBits();
        this.version = version;
        this.status = (byte) status.ordinal();
        this.tenant = tenant;
        this.category = (byte) category.ordinal();
        this.role = (byte) role.ordinal();
        this.levels = Objects.requireNonNull(levels, "levels");
        this.company = company;
        this.roundType = (byte) roundType.ordinal();
        this.competencies = Objects.requireNonNull(competencies, "competencies");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.difficulty = (byte) difficulty.ordinal();
        this.timeBudgetSeconds = timeBudgetSeconds;
        this.answerFormat = (byte) answerFormat.ordinal();
        this.rubric = rubric;
        this.updatedMicros = updatedMicros;
    }

    public int key() {
        return key;
    }

    public UUID id() {
        return new UUID(idHigh, idLow);
    }

    public String slug() {
        return new String(text, 0, titleAt, StandardCharsets.UTF_8);
    }

    public int version() {
        return version;
    }

    public QuestionStatus status() {
        return STATUSES[status];
    }

    public String tenant() {
        return tenant;
    }

    public String title() {
        return new String(text, titleAt, excerptAt - titleAt, StandardCharsets.UTF_8);
    }

    public String excerpt() {
        return words.decode(text, excerptAt, text.length);
    }

    public Category category() {
        return CATEGORIES[category];
    }

    public JobRole role() {
        return ROLES[role];
    }

    public List<String> levels() {
        return levels;
    }

    public String company() {
        return company;
    }

    public RoundType roundType() {
        return ROUND_TYPES[roundType];
    }

    public List<String> competencies() {
        return competencies;
    }

    public List<String> tags() {
        return tags;
    }

    public Difficulty difficulty() {
        return DIFFICULTIES[difficulty];
    }

    public int timeBudgetSeconds() {
        return timeBudgetSeconds;
    }

    public AnswerFormat answerFormat() {
        return ANSWER_FORMATS[answerFormat];
    }

    public String rubric() {
        return rubric;
    }

    public long updatedMicros() {
        return updatedMicros;
    }

    /** Titles in code point order (what the catalog database's C.UTF-8 collation gives), without decoding. */
    static int compareTitles(IndexedQuestion a, IndexedQuestion b) {
        return Arrays.compareUnsigned(a.text, a.titleAt, a.excerptAt, b.text, b.titleAt, b.excerptAt);
    }

    /** Ids as PostgreSQL compares uuids: 16 unsigned bytes. */
    static int compareIds(IndexedQuestion a, IndexedQuestion b) {
        int c = Long.compareUnsigned(a.idHigh, b.idHigh);
        return c != 0 ? c : Long.compareUnsigned(a.idLow, b.idLow);
    }

    /** Same key and the same values in every field a list filters or counts on. */
    boolean sameTaxonomy(IndexedQuestion q) {
        return key == q.key && status == q.status && category == q.category && role == q.role
                && roundType == q.roundType && difficulty == q.difficulty && answerFormat == q.answerFormat
                && Objects.equals(tenant, q.tenant) && Objects.equals(company, q.company)
                && Objects.equals(rubric, q.rubric) && levels.equals(q.levels) && competencies.equals(q.competencies)
                && tags.equals(q.tags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexedQuestion q && sameTaxonomy(q) && idHigh == q.idHigh && idLow == q.idLow
                && version == q.version && updatedMicros == q.updatedMicros && timeBudgetSeconds == q.timeBudgetSeconds
                && titleAt == q.titleAt && excerptAt == q.excerptAt && Arrays.equals(text, q.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, idHigh, idLow, version, updatedMicros);
    }

    @Override
    public String toString() {
        return "IndexedQuestion[" + key + " " + id() + " " + slug() + " v" + version + " " + status() + "]";
    }
}
