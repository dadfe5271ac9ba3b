package dev.debrief.scoring.rescoring;

import dev.debrief.scoring.answers.AnswerScoreRow;
import jakarta.persistence.TypedQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The answers a job re-scores: those whose current automated score is not from the running scorer version,
 * narrowed by the job's filters. The same query counts them at the start and fetches them chunk by chunk.
 */
final class Selection {

    private final StringBuilder where = new StringBuilder(
            " where s.scorerKind = 'AUTOMATED' and s.supersededAt is null"
                    + " and s.scorer <> :current and s.scorer not like :currentSlash and s.scorer not like :currentPlus");
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** @param current the running scorer's name; a score's full name may go on after it with '/' or '+' */
    Selection(String current, RescoringJob job) {
        params.put("current", current);
        params.put("currentSlash", current + "/%");
        params.put("currentPlus", current + "+%");
        if (job.tenant != null) {
            where.append(" and s.tenant = :tenant");
            params.put("tenant", job.tenant);
        }
        if (job.fromScorer != null) {
            where.append(" and (s.scorer = :from or s.scorer like :fromSlash or s.scorer like :fromPlus)");
            params.put("from", job.fromScorer);
            params.put("fromSlash", job.fromScorer + "/%");
            params.put("fromPlus", job.fromScorer + "+%");
        }
        if (job.submittedFrom != null) {
            where.append(" and exists (select a.answerId from Answer a where a.answerId = s.answerId and a.submittedAt >= :submittedFrom)");
            params.put("submittedFrom", job.submittedFrom);
        }
        if (job.submittedTo != null) {
            where.append(" and exists (select a.answerId from Answer a where a.answerId = s.answerId and a.submittedAt < :submittedTo)");
            params.put("submittedTo", job.submittedTo);
        }
    }

    /** How many answers each older scorer's current scores cover, by scorer name. */
    Map<String, Long> countByScorer() {
        TypedQuery<Object[]> query = AnswerScoreRow.getEntityManager().createQuery(
                "select s.scorer, count(s) from AnswerScoreRow s" + where + " group by s.scorer order by s.scorer",
                Object[].class);
        params.forEach(query::setParameter);
        Map<String, Long> counts = new LinkedHashMap<>();
        query.getResultList().forEach(row -> counts.put((String) row[0], (Long) row[1]));
        return counts;
    }

    /** The next chunk after the cursor, in answer id order. */
    List<AnswerScoreRow> after(UUID cursor, int size) {
        TypedQuery<AnswerScoreRow> query = AnswerScoreRow.getEntityManager().createQuery("select s from AnswerScoreRow s"
                + where + (cursor == null ? "" : " and s.answerId > :cursor") + " order by s.answerId", AnswerScoreRow.class);
        params.forEach(query::setParameter);
        if (cursor != null) {
            query.setParameter("cursor", cursor);
        }
        return query.setMaxResults(size).getResultList();
    }
}
