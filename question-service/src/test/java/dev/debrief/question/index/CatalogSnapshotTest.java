package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Competency;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.Level;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;
import dev.debrief.question.persistence.QuestionFilter;
import dev.debrief.question.persistence.QuestionRow;
import dev.debrief.question.persistence.SortOrder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The index against a brute-force reference that states the old SQL's rules directly (a filter per row,
 * sort with comparators, count with maps): random catalogs, random filters, every sort and visibility.
 */
class CatalogSnapshotTest {

    private static final List<String> TENANTS = List.of("firm-a", "firm-b", "firm-c");
    private static final List<String> COMPANIES = List.of("Netflix", "Meta", "Google");
    private static final List<String> RUBRICS = List.of("data-case", "sql-analysis");
    private static final List<String> TITLES = List.of("Alpha", "Beta", "Gamma", "beta", "Zeta", "Éclair");

    @Test
    void shouldMatchTheReferenceForRandomFiltersSortsAndPages() {
        Random random = new Random(1);
        List<IndexedQuestion> catalog = catalog(random, 1, 900);
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        for (int i = 0; i < 600; i++) {
            QuestionFilter filter = filter(random, null);
            QuestionFilter.Visibility visibility = visibility(random);
            SortOrder sort = randomSort(random);
            int size = 1 + random.nextInt(30);
            int page = random.nextInt(4);
            assertSame(reference(catalog, filter, visibility, null, sort, page, size),
                    snapshot.query(filter, visibility, null, sort, page, size), filter + " " + visibility + " " + sort);
        }
    }

    @Test
    void shouldPageThroughEveryOrderWithoutOverlapOrGap() {
        Random random = new Random(2);
        List<IndexedQuestion> catalog = catalog(random, 1, 300);
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        QuestionFilter all = filter(List.of(), List.of(), null);
        QuestionFilter.Visibility admin = new QuestionFilter.Visibility(null, true, false);
        for (SortOrder sort : SortOrder.values()) {
            if (sort == SortOrder.RELEVANCE) {
                continue;
            }
            List<UUID> paged = new ArrayList<>();
            for (int page = 0; page * 7 < 400; page++) {
                snapshot.query(all, admin, null, sort, page, 7).items().forEach(r -> paged.add(r.id()));
            }
            List<UUID> whole = reference(catalog, all, admin, null, sort, 0, 1000).items().stream()
                    .map(QuestionRow::id).toList();
            assertEquals(whole, paged, sort.name());
        }
    }

    @Test
    void shouldAnswerAfterDeltasExactlyAsAfterAFullLoad() {
        Random random = new Random(3);
        List<IndexedQuestion> catalog = new ArrayList<>(catalog(random, 1, 500));
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        int nextKey = 501;
        for (int round = 0; round < 25; round++) {
            List<IndexedQuestion> changed = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(20); k++) {
                if (random.nextBoolean()) {   // a new version or status of an existing question
                    IndexedQuestion old = catalog.get(random.nextInt(catalog.size()));
                    IndexedQuestion next = question(random, old.key(), old.id(), old.tenant());
                    catalog.set(catalog.indexOf(old), next);
                    changed.add(next);
                } else {
                    IndexedQuestion added = question(random, nextKey++, UUID.randomUUID(),
                            random.nextInt(4) == 0 ? TENANTS.get(random.nextInt(3)) : null);
                    catalog.add(added);
                    changed.add(added);
                }
            }
            CatalogSnapshot next = snapshot.with(snapshot.version() + 1, changed);
            assertNotSame(snapshot, next);
            snapshot = next;
            assertAnswersAsAFullLoad(snapshot, catalog, random, round);
        }
    }

    /** Random lists on the snapshot against a full load of the same catalog and the reference. */
    private static void assertAnswersAsAFullLoad(CatalogSnapshot snapshot, List<IndexedQuestion> catalog, Random random,
            int round) {
        CatalogSnapshot full = CatalogSnapshot.of(99, catalog);
        for (int i = 0; i < 40; i++) {
            QuestionFilter filter = filter(random, null);
            QuestionFilter.Visibility visibility = visibility(random);
            SortOrder sort = randomSort(random);
            assertSame(full.query(filter, visibility, null, sort, 0, 25),
                    snapshot.query(filter, visibility, null, sort, 0, 25), "round " + round);
            assertSame(reference(catalog, filter, visibility, null, sort, 1, 10),
                    snapshot.query(filter, visibility, null, sort, 1, 10), "round " + round);
        }
    }

    @Test
    void shouldAnswerExactlyAsAfterAFullLoadWhenEditsKeepTheTaxonomyAndItIsShared() {
        Random random = new Random(9);
        List<IndexedQuestion> catalog = new ArrayList<>(catalog(random, 1, 400));
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        for (int round = 0; round < 30; round++) {
            List<IndexedQuestion> changed = new ArrayList<>();
            for (int k = 0; k < 1 + random.nextInt(3); k++) {   // a new title, time budget or update time only
                int at = random.nextInt(catalog.size());
                IndexedQuestion q = catalog.get(at);
                IndexedQuestion next = new IndexedQuestion(q.key(), q.id(), q.slug(), q.version() + 1, q.status(),
                        q.tenant(), random.nextBoolean() ? TITLES.get(random.nextInt(TITLES.size())) : q.title(),
                        q.excerpt() + round, q.category(), q.role(), q.levels(), q.company(), q.roundType(),
                        q.competencies(), q.tags(), q.difficulty(),
                        random.nextBoolean() ? 60 * (1 + random.nextInt(5)) : q.timeBudgetSeconds(), q.answerFormat(),
                        q.rubric(), q.updatedMicros() + random.nextInt(3) * 1_000_000L);
                catalog.set(at, next);
                changed.add(next);
            }
            snapshot = snapshot.with(snapshot.version() + 1, changed);
            assertAnswersAsAFullLoad(snapshot, catalog, random, round);
        }
    }

    @Test
    void shouldShowAFirmsQuestionsOnlyToThatFirmAndDraftsOnlyToItsEditors() {
        UUID draftId = UUID.randomUUID();
        UUID publishedId = UUID.randomUUID();
        UUID publicDraft = UUID.randomUUID();
        List<IndexedQuestion> catalog = List.of(
                with(question(new Random(4), 1, draftId, "firm-a"), QuestionStatus.DRAFT),
                with(question(new Random(5), 2, publishedId, "firm-a"), QuestionStatus.PUBLISHED),
                with(question(new Random(6), 3, publicDraft, null), QuestionStatus.DRAFT));
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        QuestionFilter all = filter(List.of(), List.of(), null);
        assertEquals(List.of(), ids(snapshot, all, new QuestionFilter.Visibility("firm-b", false, true)));
        assertEquals(List.of(publishedId), ids(snapshot, all, new QuestionFilter.Visibility("firm-a", false, false)));
        assertEquals(List.of(draftId, publishedId).stream().sorted(CatalogSnapshotTest::byPgUuid).toList(),
                ids(snapshot, all, new QuestionFilter.Visibility("firm-a", false, true)).stream()
                        .sorted(CatalogSnapshotTest::byPgUuid).toList());
        assertEquals(List.of(publicDraft), ids(snapshot, all, new QuestionFilter.Visibility(null, true, false)));
        assertEquals(List.of(), ids(snapshot, all, new QuestionFilter.Visibility(null, false, false)));
    }

    @Test
    void shouldIntersectTextMatchesWithFiltersAndKeepTheRankOrder() {
        Random random = new Random(7);
        List<IndexedQuestion> catalog = catalog(random, 1, 400);
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        for (int i = 0; i < 200; i++) {
            List<IndexedQuestion> hits = catalog.stream().filter(q -> random.nextInt(3) == 0).toList();
            int[] keys = hits.stream().mapToInt(IndexedQuestion::key).toArray();
            float[] ranks = new float[keys.length];
            for (int k = 0; k < ranks.length; k++) {
                ranks[k] = 1f - k / 1000f;   // PostgreSQL answers in relevance order
            }
            Map<UUID, Float> rankOf = new LinkedHashMap<>();
            for (int k = 0; k < keys.length; k++) {
                rankOf.put(hits.get(k).id(), ranks[k]);
            }
            QuestionFilter filter = filter(random, "some text");
            QuestionFilter.Visibility visibility = visibility(random);
            SortOrder sort = random.nextBoolean() ? SortOrder.RELEVANCE : randomSort(random);
            TextMatch text = TextMatch.of(snapshot, keys, ranks);
            int page = random.nextInt(3);
            assertSame(reference(catalog, filter, visibility, rankOf, sort, page, 10),
                    snapshot.query(filter, visibility, text, sort, page, 10), "text " + i);
        }
    }

    @Test
    void shouldLeaveOutTextMatchesTheSnapshotDoesNotHoldYet() {
        Random random = new Random(8);
        List<IndexedQuestion> catalog = catalog(random, 1, 50);
        CatalogSnapshot snapshot = CatalogSnapshot.of(1, catalog);
        TextMatch text = TextMatch.of(snapshot, new int[] { 999, 1, 2, 5000 }, new float[] { .9f, .8f, .7f, .6f });
        assertEquals(2, text.size());
    }

    // ---- the reference: the SQL's rules, row by row

    private static CatalogSnapshot.Result reference(List<IndexedQuestion> catalog, QuestionFilter f,
            QuestionFilter.Visibility v, Map<UUID, Float> text, SortOrder sort, int page, int size) {
        List<IndexedQuestion> match = catalog.stream().filter(q -> visible(q, v, f) && matches(q, f))
                .filter(q -> text == null || text.containsKey(q.id())).sorted(comparator(sort, text)).toList();
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("category", count(match, q -> List.of(q.category().name())));
        facets.put("role", count(match, q -> List.of(q.role().name())));
        facets.put("level", count(match, q -> q.levels().stream().distinct().toList()));
        facets.put("company", count(match, q -> q.company() == null ? List.of() : List.of(q.company())));
        facets.put("roundType", count(match, q -> List.of(q.roundType().name())));
        facets.put("competency", count(match, q -> q.competencies().stream().distinct().toList()));
        facets.put("difficulty", count(match, q -> List.of(q.difficulty().name())));
        facets.put("answerFormat", count(match, q -> List.of(q.answerFormat().name())));
        Map<String, Long> tags = count(match, IndexedQuestion::tags);
        facets.put("tag", tags.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(25).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
        List<QuestionRow> items = match.stream().skip((long) page * size).limit(size)
                .map(q -> new QuestionRow(q.id(), q.slug(), q.version(), q.status().name(), q.tenant(), q.title(),
                        q.excerpt(), q.category().name(), q.role().name(), q.levels(), q.company(), q.roundType().name(),
                        q.competencies(), q.tags(), q.difficulty().name(), q.timeBudgetSeconds(), q.answerFormat().name(),
                        q.rubric(), java.time.Instant.EPOCH.plus(q.updatedMicros(), java.time.temporal.ChronoUnit.MICROS),
                        text == null ? null : Double.valueOf(Float.toString(text.get(q.id())))))
                .toList();
        return new CatalogSnapshot.Result(items, match.size(), facets);
    }

    private static boolean visible(IndexedQuestion q, QuestionFilter.Visibility v, QuestionFilter f) {
        boolean own = q.tenant() != null && q.tenant().equals(v.tenant());
        if (q.tenant() != null && !own) {
            return false;
        }
        boolean allowed = q.status() == QuestionStatus.PUBLISHED || v.editsPublic() && q.tenant() == null
                || v.editsFirm() && own;
        if (!allowed || f.statuses().isEmpty() && q.status() == QuestionStatus.RETIRED) {
            return false;
        }
        return f.scope() == null || f.scope().equals("public") == (q.tenant() == null);
    }

    private static boolean matches(IndexedQuestion q, QuestionFilter f) {
        return any(f.statuses(), q.status().name()) && any(f.categories(), q.category().name())
                && any(f.roles(), q.role().name()) && overlaps(f.levels(), q.levels())
                && any(f.companies(), q.company()) && any(f.roundTypes(), q.roundType().name())
                && overlaps(f.competencies(), q.competencies()) && overlaps(f.tags(), q.tags())
                && any(f.difficulties(), q.difficulty().name()) && any(f.answerFormats(), q.answerFormat().name())
                && any(f.rubrics(), q.rubric());
    }

    private static boolean any(List<String> wanted, String value) {
        return wanted.isEmpty() || wanted.contains(value);
    }

    private static boolean overlaps(List<String> wanted, List<String> values) {
        return wanted.isEmpty() || values.stream().anyMatch(wanted::contains);
    }

    private static Comparator<IndexedQuestion> comparator(SortOrder sort, Map<UUID, Float> text) {
        Comparator<IndexedQuestion> id = (a, b) -> byPgUuid(a.id(), b.id());
        Comparator<IndexedQuestion> title = Comparator.comparing(IndexedQuestion::title);
        Comparator<IndexedQuestion> difficulty = Comparator.comparing(IndexedQuestion::difficulty);
        return switch (sort) {
            case TITLE -> title.thenComparing(id);
            case TITLE_DESC -> title.reversed().thenComparing(id.reversed());
            case UPDATED -> Comparator.comparingLong(IndexedQuestion::updatedMicros).thenComparing(id);
            case UPDATED_DESC -> Comparator.comparingLong(IndexedQuestion::updatedMicros).reversed()
                    .thenComparing(id.reversed());
            case DIFFICULTY -> difficulty.thenComparing(title).thenComparing(id);
            case DIFFICULTY_DESC -> difficulty.reversed().thenComparing(title).thenComparing(id);
            case TIME_BUDGET -> Comparator.comparingInt(IndexedQuestion::timeBudgetSeconds).thenComparing(id);
            case TIME_BUDGET_DESC -> Comparator.comparingInt(IndexedQuestion::timeBudgetSeconds).reversed()
                    .thenComparing(id);
            case RELEVANCE -> Comparator.comparing((IndexedQuestion q) -> text.get(q.id())).reversed()
                    .thenComparing(id);
        };
    }

    /** PostgreSQL's uuid order is the order of the lowercase hex text. */
    private static int byPgUuid(UUID a, UUID b) {
        return a.toString().compareTo(b.toString());
    }

    private static Map<String, Long> count(List<IndexedQuestion> match, Function<IndexedQuestion, List<String>> values) {
        return match.stream().flatMap(q -> values.apply(q).stream())
                .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    }

    private static void assertSame(CatalogSnapshot.Result expected, CatalogSnapshot.Result actual, String what) {
        assertEquals(expected.total(), actual.total(), what + ": total");
        assertEquals(expected.facets(), actual.facets(), what + ": facets");
        assertEquals(new ArrayList<>(expected.facets().get("tag").keySet()),
                new ArrayList<>(actual.facets().get("tag").keySet()), what + ": tag order");
        assertEquals(expected.items(), actual.items(), what + ": items");
    }

    // ---- random data

    private static List<IndexedQuestion> catalog(Random random, int firstKey, int count) {
        return IntStream.range(0, count).mapToObj(i -> question(random, firstKey + i, UUID.randomUUID(),
                random.nextInt(4) == 0 ? TENANTS.get(random.nextInt(3)) : null)).toList();
    }

    private static IndexedQuestion question(Random random, int key, UUID id, String tenant) {
        return new IndexedQuestion(key, id, "q-" + key, 1 + random.nextInt(3),
                pick(random, QuestionStatus.values()), tenant, TITLES.get(random.nextInt(TITLES.size())), "excerpt",
                pick(random, Category.values()), pick(random, JobRole.values()),
                names(random, Level.values(), 3), random.nextInt(4) == 0 ? null : COMPANIES.get(random.nextInt(3)),
                pick(random, RoundType.values()), names(random, Competency.values(), 3),
                IntStream.range(0, random.nextInt(4)).mapToObj(t -> "tag" + random.nextInt(40)).distinct().toList(),
                pick(random, Difficulty.values()), 60 * (1 + random.nextInt(5)), pick(random, AnswerFormat.values()),
                RUBRICS.get(random.nextInt(2)), 1_700_000_000_000_000L + random.nextInt(50) * 1_000_000L);
    }

    private static IndexedQuestion with(IndexedQuestion q, QuestionStatus status) {
        return new IndexedQuestion(q.key(), q.id(), q.slug(), q.version(), status, q.tenant(), q.title(), q.excerpt(),
                q.category(), q.role(), q.levels(), q.company(), q.roundType(), q.competencies(), q.tags(),
                q.difficulty(), q.timeBudgetSeconds(), q.answerFormat(), q.rubric(), q.updatedMicros());
    }

    private static QuestionFilter filter(Random random, String text) {
        return new QuestionFilter(some(random, Category.values(), 0.5), some(random, JobRole.values(), 0.3),
                some(random, Level.values(), 0.2), someOf(random, List.of("Netflix", "Meta", "Nowhere"), 0.2),
                some(random, RoundType.values(), 0.2), some(random, Competency.values(), 0.2),
                someOf(random, List.of("tag1", "tag2", "tag3", "tag39"), 0.15), some(random, Difficulty.values(), 0.3),
                some(random, AnswerFormat.values(), 0.15), someOf(random, RUBRICS, 0.15),
                some(random, QuestionStatus.values(), 0.15),
                random.nextInt(4) == 0 ? (random.nextBoolean() ? "public" : "firm") : null, text);
    }

    private static QuestionFilter filter(List<String> categories, List<String> statuses, String scope) {
        return new QuestionFilter(categories, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), statuses, scope, null);
    }

    private static QuestionFilter.Visibility visibility(Random random) {
        String tenant = random.nextInt(4) == 0 ? null : TENANTS.get(random.nextInt(3));
        return new QuestionFilter.Visibility(tenant, random.nextInt(5) == 0, random.nextInt(3) == 0);
    }

    private static SortOrder randomSort(Random random) {
        SortOrder[] sorts = { SortOrder.TITLE, SortOrder.TITLE_DESC, SortOrder.UPDATED, SortOrder.UPDATED_DESC,
                SortOrder.DIFFICULTY, SortOrder.DIFFICULTY_DESC, SortOrder.TIME_BUDGET, SortOrder.TIME_BUDGET_DESC };
        return sorts[random.nextInt(sorts.length)];
    }

    private static List<UUID> ids(CatalogSnapshot s, QuestionFilter f, QuestionFilter.Visibility v) {
        return s.query(f, v, null, SortOrder.TITLE, 0, 100).items().stream().map(QuestionRow::id).toList();
    }

    private static <E extends Enum<E>> E pick(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }

    private static <E extends Enum<E>> List<String> names(Random random, E[] values, int max) {
        return IntStream.range(0, random.nextInt(max + 1)).mapToObj(i -> values[random.nextInt(values.length)].name())
                .distinct().toList();
    }

    private static <E extends Enum<E>> List<String> some(Random random, E[] values, double chance) {
        return someOf(random, java.util.Arrays.stream(values).map(Enum::name).toList(), chance);
    }

    private static List<String> someOf(Random random, List<String> values, double chance) {
        if (random.nextDouble() >= chance) {
            return List.of();
        }
        return IntStream.range(0, 1 + random.nextInt(2)).mapToObj(i -> values.get(random.nextInt(values.size())))
                .distinct().sorted().toList();
    }
}
