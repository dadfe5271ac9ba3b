package dev.debrief.question.index;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

import java.util.List;

/**
 * Who sees what, as query clauses (so results, totals, facet counts and suggestions all obey it): the
 * public catalog and the caller's firm; published only, except where the caller may edit (admins: the
 * public catalog; a firm's coaches and admins: their bank); retired ones only when statuses are asked for
 * explicitly. Then every filter field: AND across fields, OR within one.
 */
final class Visibility {

    private static final String PUBLIC = "";
    private static final String PUBLISHED = "PUBLISHED";
    static final String RETIRED = "RETIRED";
    static final String YES = "yes";

    private Visibility() {
    }

    /**
     * The questions this caller may see in a list of this scope: published ones of each bank, and where the caller
     * edits, every status but retired (all of them when statuses are asked for explicitly). Positive clauses only,
     * each a cached bit set (see {@link Fields#NOT_RETIRED}).
     */
    static Query of(QuestionFilter f, QuestionFilter.Visibility v) {
        boolean retiredToo = !f.statuses().isEmpty();
        BooleanQuery.Builder banks = new BooleanQuery.Builder();
        int n = 0;
        if (!"firm".equals(f.scope())) {
            banks.add(bank(PUBLIC, v.editsPublic(), retiredToo), BooleanClause.Occur.SHOULD);
            n++;
        }
        if (v.tenant() != null && !v.tenant().isEmpty() && !"public".equals(f.scope())) {
            banks.add(bank(v.tenant(), v.editsFirm(), retiredToo), BooleanClause.Occur.SHOULD);
            n++;
        }
        if (n == 0) {
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), BooleanClause.Occur.MUST_NOT).build();
        }
        return banks.setMinimumNumberShouldMatch(1).build();
    }

    /** For suggestions: published questions of the public catalog and the caller's firm. */
    static Query published(String tenant) {
        BooleanQuery.Builder banks = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TENANT, PUBLIC)), BooleanClause.Occur.SHOULD);
        if (tenant != null && !tenant.isEmpty()) {
            banks.add(new TermQuery(new Term(Fields.TENANT, tenant)), BooleanClause.Occur.SHOULD);
        }
        return new BooleanQuery.Builder().add(banks.build(), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(Fields.STATUS, PUBLISHED)), BooleanClause.Occur.FILTER).build();
    }

    private static Query bank(String tenant, boolean edits, boolean retiredToo) {
        BooleanQuery.Builder q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(Fields.TENANT, tenant)), BooleanClause.Occur.FILTER);
        if (!edits) {
            q.add(new TermQuery(new Term(Fields.STATUS, PUBLISHED)), BooleanClause.Occur.FILTER);
        } else if (!retiredToo) {
            q.add(new TermQuery(new Term(Fields.NOT_RETIRED, YES)), BooleanClause.Occur.FILTER);
        }
        return q.build();
    }

    /** Every filter field as a FILTER clause of {@code q}: any of the field's values. */
    static void restrict(BooleanQuery.Builder q, QuestionFilter f) {
        anyOf(q, Fields.STATUS, f.statuses());
        anyOf(q, Fields.CATEGORY, f.categories());
        anyOf(q, Fields.ROLE, f.roles());
        anyOf(q, Fields.LEVEL, f.levels());
        anyOf(q, Fields.COMPANY, f.companies());
        anyOf(q, Fields.ROUND_TYPE, f.roundTypes());
        anyOf(q, Fields.COMPETENCY, f.competencies());
        anyOf(q, Fields.TAG, f.tags());
        anyOf(q, Fields.DIFFICULTY, f.difficulties());
        anyOf(q, Fields.ANSWER_FORMAT, f.answerFormats());
        anyOf(q, Fields.RUBRIC, f.rubrics());
    }

    private static void anyOf(BooleanQuery.Builder q, String field, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) {
            any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD);
        }
        q.add(any.build(), BooleanClause.Occur.FILTER);
    }
}
