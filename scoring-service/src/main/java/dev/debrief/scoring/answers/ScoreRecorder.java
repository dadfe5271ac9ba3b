package dev.debrief.scoring.answers;

import dev.debrief.contracts.Json;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.scoring.scorer.AnswerScorer;
import jakarta.enterprise.context.ApplicationScoped;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Stores an automated score and records its {@code score.answer-scored} event in the outbox, in the caller's transaction. */
@ApplicationScoped
public class ScoreRecorder {

    private final Outbox outbox;
    private final Clock clock;

    public ScoreRecorder(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * A re-score names the score it replaces, which is marked superseded in the same transaction: readers see one or
     * the other.
     */
    public AnswerScoreRow record(Answer answer, String rubricSlug, int rubricVersion, AnswerScorer.Result result,
            AnswerScoreRow supersedes) {
        if (supersedes != null) {
            supersedes.supersededAt = clock.instant();
            supersedes.persistAndFlush(); // before the insert: one current score per answer (a partial unique index)
        }
        AnswerScoreRow row = persist(answer, rubricSlug, rubricVersion, result);
        outbox.publish(EventType.ANSWER_SCORED, answer.sessionId, answer.tenant, AnswerScored.builder().scoreId(row.id)
                .answer(answer.sessionId, answer.answerId).question(answer.questionId, answer.questionVersion)
                .rubric(row.rubricSlug, row.rubricVersion).scorer(row.scorer, row.scorerKind).overall(result.overall())
                .dimensions(result.dimensions()).scoredAt(row.scoredAt).supersedes(supersedes == null ? null : supersedes.id)
                .build());
        return row;
    }

    private AnswerScoreRow persist(Answer answer, String rubricSlug, int rubricVersion, AnswerScorer.Result result) {
        AnswerScoreRow row = new AnswerScoreRow();
        row.id = UUID.randomUUID();
        row.answerId = answer.answerId;
        row.sessionId = answer.sessionId;
        row.tenant = answer.tenant;
        row.candidate = answer.candidate;
        row.rubricSlug = rubricSlug;
        row.rubricVersion = rubricVersion;
        row.scorer = result.scorer();
        row.scorerKind = "AUTOMATED";
        row.overall = BigDecimal.valueOf(result.overall());
        row.dimensions = Json.write(result.dimensions());
        row.sqlReport = result.sqlReport() == null ? null : Json.write(sqlReport(result));
        row.scoredAt = clock.instant();
        row.persist();
        return row;
    }

    private static Map<String, Object> sqlReport(AnswerScorer.Result result) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("parsed", result.sqlReport().parsed());
        report.put("error", result.sqlReport().error());
        report.put("checks", result.sqlReport().checks());
        report.put("traps", result.sqlReport().traps());
        report.put("sandbox", result.sqlOutcome());
        return report;
    }
}
