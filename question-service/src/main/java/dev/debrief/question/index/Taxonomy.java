package dev.debrief.question.index;

import dev.debrief.question.domain.AnswerFormat;
import dev.debrief.question.domain.Category;
import dev.debrief.question.domain.Competency;
import dev.debrief.question.domain.Difficulty;
import dev.debrief.question.domain.JobRole;
import dev.debrief.question.domain.Level;
import dev.debrief.question.domain.QuestionStatus;
import dev.debrief.question.domain.RoundType;

/**
 * The part of a {@link CatalogSnapshot} that depends only on the questions' taxonomy and keys: the bit sets
 * per value, the open vocabularies' postings, the per-ordinal ids for facet counts. A change that leaves
 * every question's taxonomy as it was (an edited prompt, title or time) shares it with the snapshot before,
 * so a busy catalog does not rebuild, and the collector does not copy, megabytes per edit.
 */
final class Taxonomy {

    /** catalog_key → ordinal + 1 (0: not here). */
    final int[] ordinalOfKey;
    final long[] publicBits;
    final EnumBits<QuestionStatus> statuses;
    final EnumBits<Category> categories;
    final EnumBits<JobRole> roles;
    final EnumBits<Level> levels;
    final EnumBits<RoundType> roundTypes;
    final EnumBits<Competency> competencies;
    final EnumBits<Difficulty> difficulties;
    final EnumBits<AnswerFormat> answerFormats;
    final Dictionary tenants = new Dictionary();
    final Dictionary companies = new Dictionary();
    final Dictionary rubrics = new Dictionary();
    final Dictionary tags = new Dictionary();
    /** Per ordinal, for counting: its company's id (-1: none), its tags' ids (flattened). */
    final int[] companyOf;
    final int[] tagStart;
    final int[] tagIds;

    Taxonomy(IndexedQuestion[] entries, int words) {
        int n = entries.length;
        int maxKey = 0;
        for (IndexedQuestion q : entries) {
            maxKey = Math.max(maxKey, q.key());
        }
        ordinalOfKey = new int[maxKey + 1];
        publicBits = new long[words];
        statuses = new EnumBits<>(QuestionStatus.class, words);
        categories = new EnumBits<>(Category.class, words);
        roles = new EnumBits<>(JobRole.class, words);
        levels = new EnumBits<>(Level.class, words);
        roundTypes = new EnumBits<>(RoundType.class, words);
        competencies = new EnumBits<>(Competency.class, words);
        difficulties = new EnumBits<>(Difficulty.class, words);
        answerFormats = new EnumBits<>(AnswerFormat.class, words);
        companyOf = new int[n];
        tagStart = new int[n + 1];
        int[] tenantOf = new int[n];
        int[] rubricOf = new int[n];
        int tagCount = 0;
        for (int o = 0; o < n; o++) {
            IndexedQuestion q = entries[o];
            ordinalOfKey[q.key()] = o + 1;
            if (q.tenant() == null) {
                Bits.set(publicBits, o);
                tenantOf[o] = -1;
            } else {
                tenantOf[o] = tenants.id(q.tenant());
            }
            statuses.set(q.status(), o);
            categories.set(q.category(), o);
            roles.set(q.role(), o);
            levels.setAll(q.levels(), o);
            roundTypes.set(q.roundType(), o);
            competencies.setAll(q.competencies(), o);
            difficulties.set(q.difficulty(), o);
            answerFormats.set(q.answerFormat(), o);
            companyOf[o] = q.company() == null ? -1 : companies.id(q.company());
            rubricOf[o] = rubrics.id(q.rubric());
            tagCount += q.tags().size();
        }
        tagIds = new int[tagCount];
        int t = 0;
        for (int o = 0; o < n; o++) {
            tagStart[o] = t;
            for (String tag : entries[o].tags()) {
                tagIds[t++] = tags.id(tag);
            }
        }
        tagStart[n] = t;
        for (int o = 0; o < n; o++) {
            if (tenantOf[o] >= 0) {
                tenants.add(tenantOf[o], o);
            }
            if (companyOf[o] >= 0) {
                companies.add(companyOf[o], o);
            }
            rubrics.add(rubricOf[o], o);
            for (int i = tagStart[o]; i < tagStart[o + 1]; i++) {
                tags.add(tagIds[i], o);
            }
        }
    }
}
