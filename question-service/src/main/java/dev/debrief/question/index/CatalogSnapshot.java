package dev.debrief.question.index;

import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.persistence.QuestionFilter;
import dev.debrief.question.persistence.QuestionRow;
import dev.debrief.question.persistence.SortOrder;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable, in-memory view of the current-version table: per question a dense ordinal, per taxonomy
 * value the set of ordinals that have it, per sort order a permutation. A list is bit-set arithmetic
 * (AND over fields of OR over chosen values), its facets are counts over the resulting set, its page a walk
 * of the order's permutation. Nothing here touches PostgreSQL; a change makes a new snapshot (readers keep
 * the one they hold).
 */
public final class CatalogSnapshot {

    /** One page of a list or search, the total it is a page of, and the facets of the whole result. */
    public record Result(List<QuestionRow> items, long total, Map<String, Map<String, Long>> facets) {
    }

    private static final int TOP_TAGS = 25;

    private final long version;
    private final IndexedQuestion[] entries;
    private final int n;
    private final int words;
    private final Taxonomy taxonomy;
    private final int[][] orders;
    private final int[][] positions;
    private final Lineage lineage;

    /**
     * @param previous        the snapshot this one follows (null for a full load): its inverse permutations are
     *                        reused where an order is shared, its taxonomy where no question's taxonomy changed
     * @param changedOrdinals the ordinals new or changed since {@code previous}
     */
    private CatalogSnapshot(long version, IndexedQuestion[] entries, int[][] orders, Lineage lineage,
            CatalogSnapshot previous, int[] changedOrdinals) {
        this.version = version;
        this.lineage = lineage;
        this.entries = entries;
        this.n = entries.length;
        this.words = Bits.words(n);
        this.orders = orders;
        this.positions = new int[orders.length][];
        for (int i = 0; i < orders.length; i++) {
            positions[i] = previous != null && previous.orders[i] == orders[i] ? previous.positions[i]
                    : Orders.positions(orders[i]);
        }
        this.taxonomy = previous != null && previous.n == n && previous.sameTaxonomy(entries, changedOrdinals)
                ? previous.taxonomy : new Taxonomy(entries, words);
    }

    /** Whether the questions at these ordinals have, in {@code next}, the taxonomy and key they have here. */
    private boolean sameTaxonomy(IndexedQuestion[] next, int[] changedOrdinals) {
        for (int o : changedOrdinals) {
            if (o >= n || !entries[o].sameTaxonomy(next[o])) {
                return false;
            }
        }
        return true;
    }

    /** A snapshot of exactly these questions, every order sorted from scratch. */
    public static CatalogSnapshot of(long version, Collection<IndexedQuestion> questions) {
        IndexedQuestion[] entries = questions.toArray(IndexedQuestion[]::new);
        return new CatalogSnapshot(version, entries, Orders.sortAll(entries, entries.length), null, null, null);
    }

    /**
     * This snapshot with some questions new or changed (matched by catalog key; later ones win). Unchanged
     * entries are shared; the orders are merged, not re-sorted, unless much changed.
     */
    public CatalogSnapshot with(long newVersion, Collection<IndexedQuestion> changed) {
        IndexedQuestion[] next = Arrays.copyOf(entries, n + changed.size());
        Map<Integer, Integer> appended = new LinkedHashMap<>();
        int size = n;
        List<Integer> touched = new ArrayList<>();
        for (IndexedQuestion q : changed) {
            int ordinal = ordinalOf(q.key());
            if (ordinal < 0) {
                Integer earlier = appended.get(q.key());
                if (earlier == null) {
                    ordinal = size++;
                    appended.put(q.key(), ordinal);
                    touched.add(ordinal);
                } else {
                    ordinal = earlier;
                }
            } else if (next[ordinal] == entries[ordinal]) {
                touched.add(ordinal);
            }
            next[ordinal] = q;
        }
        IndexedQuestion[] all = Arrays.copyOf(next, size);
        int[] changedOrdinals = touched.stream().mapToInt(Integer::intValue).distinct().toArray();
        int[][] newOrders = changedOrdinals.length * 8L > size
                ? Orders.sortAll(all, size)
                : Orders.mergeAll(orders, entries, all, size, changedOrdinals);
        int[] changedKeys = changed.stream().mapToInt(IndexedQuestion::key).distinct().toArray();
        return new CatalogSnapshot(newVersion, all, newOrders, Lineage.step(version, changedKeys, lineage), this,
                changedOrdinals);
    }

    /**
     * The catalog keys of the questions that are new or changed since that version of this snapshot's
     * lineage; null when it is not known (a full load since, or too long ago).
     */
    int[] changedSince(long earlierVersion) {
        return Lineage.changedSince(lineage, version, earlierVersion);
    }

    /** Relevance ties break on the id, as PostgreSQL orders uuids. */
    int compareIds(int ordinalA, int ordinalB) {
        return IndexedQuestion.compareIds(entries[ordinalA], entries[ordinalB]);
    }

    public long version() {
        return version;
    }

    public int size() {
        return n;
    }

    /** Whether this snapshot holds exactly this question, as it is. */
    boolean holds(IndexedQuestion q) {
        int o = ordinalOf(q.key());
        return o >= 0 && entries[o].equals(q);
    }

    /** The ordinal of a catalog key, or -1 if this snapshot does not hold it. */
    int ordinalOf(int key) {
        return key >= 0 && key < taxonomy.ordinalOfKey.length ? taxonomy.ordinalOfKey[key] - 1 : -1;
    }

    /**
     * A list or search: {@code text} is the search's ranked matches (null: no text). Same rules and
     * results as the SQL it replaces: see {@link #match}.
     */
    public Result query(QuestionFilter filter, QuestionFilter.Visibility visibility, TextMatch text, SortOrder sort,
            int page, int size) {
        if (text != null && text.version() != version) {
            throw new IllegalArgumentException("the text match belongs to snapshot " + text.version());
        }
        long[] match = match(filter, visibility, text);
        int total = Bits.cardinality(match);
        Map<String, Map<String, Long>> facets = facets(match);
        int[] ordinals = page(match, total, sort, text, page, size);
        float[] ranks = text == null ? null : text.ranksOf(ordinals);
        List<QuestionRow> items = new ArrayList<>(ordinals.length);
        for (int i = 0; i < ordinals.length; i++) {
            // as PostgreSQL prints a float4 (shortest form), which is what the driver parsed before
            items.add(row(entries[ordinals[i]], ranks == null ? null : Double.parseDouble(Float.toString(ranks[i]))));
        }
        return new Result(items, total, facets);
    }

    /**
     * Who sees what (as before in SQL): the public catalog and the caller's firm; published only, except
     * where the caller may edit (admins: the public catalog; a firm's coaches and admins: their bank);
     * retired ones only when statuses are asked for explicitly. Then every filter field: AND across
     * fields, OR within one.
     */
    long[] match(QuestionFilter f, QuestionFilter.Visibility v, TextMatch text) {
        long[] match = new long[words];
        long[] published = taxonomy.statuses.of(QuestionStatus.PUBLISHED);
        long[] retired = taxonomy.statuses.of(QuestionStatus.RETIRED);
        boolean hideRetired = f.statuses().isEmpty();
        if (!"firm".equals(f.scope())) {   // the public catalog, word by word
            for (int w = 0; w < words; w++) {
                long m = taxonomy.publicBits[w] & (v.editsPublic() ? -1L : published[w]);
                match[w] = hideRetired ? m & ~retired[w] : m;
            }
        }
        if (v.tenant() != null && !"public".equals(f.scope())) {   // the caller's bank, question by question
            for (int o : taxonomy.tenants.postings(v.tenant())) {
                if ((v.editsFirm() || Bits.get(published, o)) && !(hideRetired && Bits.get(retired, o))) {
                    Bits.set(match, o);
                }
            }
        }
        // only the open vocabularies need a second set (their values' postings OR-ed together)
        long[] scratch = f.companies().isEmpty() && f.tags().isEmpty() && f.rubrics().isEmpty() ? null : new long[words];
        taxonomy.statuses.restrict(match, f.statuses());
        taxonomy.categories.restrict(match, f.categories());
        taxonomy.roles.restrict(match, f.roles());
        taxonomy.levels.restrict(match, f.levels());
        taxonomy.companies.restrict(match, f.companies(), scratch);
        taxonomy.roundTypes.restrict(match, f.roundTypes());
        taxonomy.competencies.restrict(match, f.competencies());
        taxonomy.tags.restrict(match, f.tags(), scratch);
        taxonomy.difficulties.restrict(match, f.difficulties());
        taxonomy.answerFormats.restrict(match, f.answerFormats());
        taxonomy.rubrics.restrict(match, f.rubrics(), scratch);
        if (text != null) {
            text.restrict(match);
        }
        return match;
    }

    /** Facet counts over the whole match set, in answer order; only values that occur; top 25 tags. */
    Map<String, Map<String, Long>> facets(long[] match) {
        int from = 0;
        while (from < words && match[from] == 0) {
            from++;
        }
        int to = words;
        while (to > from && match[to - 1] == 0) {
            to--;
        }
        int[] companyCounts = new int[taxonomy.companies.size()];
        int[] tagCounts = new int[taxonomy.tags.size()];
        for (int w = from; w < to; w++) {
            long bits = match[w];
            while (bits != 0) {
                int o = (w << 6) + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
                if (taxonomy.companyOf[o] >= 0) {
                    companyCounts[taxonomy.companyOf[o]]++;
                }
                for (int i = taxonomy.tagStart[o]; i < taxonomy.tagStart[o + 1]; i++) {
                    tagCounts[taxonomy.tagIds[i]]++;
                }
            }
        }
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        facets.put("category", taxonomy.categories.count(match, from, to));
        facets.put("role", taxonomy.roles.count(match, from, to));
        facets.put("level", taxonomy.levels.count(match, from, to));
        facets.put("company", named(taxonomy.companies, companyCounts));
        facets.put("roundType", taxonomy.roundTypes.count(match, from, to));
        facets.put("competency", taxonomy.competencies.count(match, from, to));
        facets.put("difficulty", taxonomy.difficulties.count(match, from, to));
        facets.put("answerFormat", taxonomy.answerFormats.count(match, from, to));
        facets.put("tag", topTags(tagCounts));
        return facets;
    }

    private static Map<String, Long> named(Dictionary dictionary, int[] counts) {
        Map<String, Long> named = new java.util.TreeMap<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                named.put(dictionary.name(id), (long) counts[id]);
            }
        }
        return named;
    }

    /** The 25 most used tags, most used first, ties by name. */
    private Map<String, Long> topTags(int[] counts) {
        List<Integer> used = new ArrayList<>();
        for (int id = 0; id < counts.length; id++) {
            if (counts[id] > 0) {
                used.add(id);
            }
        }
        used.sort((a, b) -> counts[a] != counts[b] ? Integer.compare(counts[b], counts[a])
                : Orders.compareCodePoints(taxonomy.tags.name(a), taxonomy.tags.name(b)));
        Map<String, Long> top = new LinkedHashMap<>();
        for (int id : used.subList(0, Math.min(TOP_TAGS, used.size()))) {
            top.put(taxonomy.tags.name(id), (long) counts[id]);
        }
        return top;
    }

    /** The ordinals of one page, in the sort's order. */
    int[] page(long[] match, int total, SortOrder sort, TextMatch text, int page, int size) {
        long skip = (long) page * size;
        if (skip >= total) {
            return new int[0];
        }
        int take = (int) Math.min(size, total - skip);
        int[] out = new int[take];
        Orders base = Orders.base(sort);
        if (base == null) {
            return walk(text.ordinals(), false, match, (int) skip, out);
        }
        int[] order = orders[base.ordinal()];
        boolean backwards = Orders.backwards(sort);
        if ((long) total * 32 > n) {
            return walk(order, backwards, match, (int) skip, out);
        }
        // few matches: sort their positions in the order instead of walking all of it
        int[] at = positions[base.ordinal()];
        int[] found = new int[total];
        int k = 0;
        for (int w = 0; w < words; w++) {
            long bits = match[w];
            while (bits != 0) {
                found[k++] = at[(w << 6) + Long.numberOfTrailingZeros(bits)];
                bits &= bits - 1;
            }
        }
        Arrays.sort(found);
        for (int i = 0; i < take; i++) {
            int p = backwards ? total - 1 - (int) skip - i : (int) skip + i;
            out[i] = order[found[p]];
        }
        return out;
    }

    private static int[] walk(int[] order, boolean backwards, long[] match, int skip, int[] out) {
        int k = 0;
        int seen = 0;
        for (int i = 0; i < order.length && k < out.length; i++) {
            int o = order[backwards ? order.length - 1 - i : i];
            if (Bits.get(match, o) && seen++ >= skip) {
                out[k++] = o;
            }
        }
        return k == out.length ? out : Arrays.copyOf(out, k);
    }

    private static QuestionRow row(IndexedQuestion q, Double rank) {
        return new QuestionRow(q.id(), q.slug(), q.version(), q.status().name(), q.tenant(), q.title(), q.excerpt(),
                q.category().name(), q.role().name(), q.levels(), q.company(), q.roundType().name(), q.competencies(),
                q.tags(), q.difficulty().name(), q.timeBudgetSeconds(), q.answerFormat().name(), q.rubric(),
                Instant.ofEpochSecond(Math.floorDiv(q.updatedMicros(), 1_000_000L),
                        Math.floorMod(q.updatedMicros(), 1_000_000L) * 1000),
                rank);
    }

    int words() {
        return words;
    }
}
