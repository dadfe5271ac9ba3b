package dev.debrief.scoring.rescoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.Json;
import dev.debrief.scoring.answers.Answer;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.scoring.answers.ScoreRecorder;
import dev.debrief.scoring.rubrics.Rubric;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricDefinitions;
import dev.debrief.scoring.scorer.AnswerScorer;
import dev.debrief.scoring.scorer.ScorerModels;
import dev.debrief.scoring.sql.SqlOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Works through running re-scoring jobs a chunk per transaction: each selected answer is scored again by the running
 * scorer against the rubric version its score used, the new score supersedes the old one and goes out as
 * {@code score.answer-scored} (naming the score it supersedes), and the job's cursor and counts move in the same
 * commit. One thread, one chunk at a time: live answers keep the other core. A SQL answer keeps the sandbox's
 * comparison stored with its score (the reference query is not kept with the answer, and the comparison is
 * deterministic anyway).
 */
@ApplicationScoped
public class Rescorer {

    private static final Logger LOG = Logger.getLogger(Rescorer.class);

    private final ScorerModels models;
    private final ScoreRecorder scores;
    private final RubricDefinitions definitions;
    private final Clock clock;
    private final int chunk;

    public Rescorer(ScorerModels models, ScoreRecorder scores, RubricDefinitions definitions, Clock clock,
            @ConfigProperty(name = "debrief.scoring.rescoring.chunk", defaultValue = "16") int chunk) {
        this.models = models;
        this.scores = scores;
        this.definitions = definitions;
        this.clock = clock;
        this.chunk = Math.max(1, chunk);
    }

    /** The running scorer's name (engine, model and calibration versions): what a re-score brings answers to. */
    public String currentScorer() {
        return models.scorer().semantic().name();
    }

    /** Counts what the job selects and stores it as running; call inside a transaction. */
    public RescoringJob start(RescoringJob job) {
        job.scorerTo = currentScorer();
        java.util.Map<String, Long> counts = new Selection(job.scorerTo, job).countByScorer();
        job.scorersFrom = Json.write(List.copyOf(counts.keySet()));
        job.total = (int) counts.values().stream().mapToLong(Long::longValue).sum();
        job.status = job.total == 0 ? RescoringJob.Status.DONE.name() : RescoringJob.Status.RUNNING.name();
        job.createdAt = clock.instant();
        job.updatedAt = job.createdAt;
        job.finishedAt = job.total == 0 ? job.createdAt : null;
        job.persist();
        return job;
    }

    @Scheduled(every = "${debrief.scoring.rescoring.every:2s}", delayed = "${debrief.scoring.rescoring.delayed:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        try {
            while (QuarkusTransaction.requiringNew().call(this::nextChunk)) {
                // a job with work left goes on at once; the schedule only wakes an idle worker
            }
        } catch (RuntimeException e) {
            // the chunk rolled back (the database away, a race with another replica): the next tick tries again
            LOG.warnf("Re-scoring chunk failed, retried on the next tick: %s", e.getMessage());
        }
    }

    /** @return whether a job had answers left after this chunk */
    boolean nextChunk() {
        Optional<RescoringJob> next = RescoringJob.nextRunning();
        if (next.isEmpty()) {
            return false;
        }
        RescoringJob job = next.get();
        List<AnswerScoreRow> rows = new Selection(job.scorerTo, job).after(job.cursorAnswer, chunk);
        job.updatedAt = clock.instant();
        if (rows.isEmpty()) {
            job.status = RescoringJob.Status.DONE.name();
            job.finishedAt = job.updatedAt;
            return false;
        }
        if (!currentScorer().equals(job.scorerTo)) {
            // this replica runs another scorer version (a rolling deploy): leave the job to one that runs its target
            return false;
        }
        for (AnswerScoreRow old : rows) {
            Optional<String> error = rescore(old);
            if (error.isEmpty()) {
                job.done++;
            } else {
                job.failed++;
                job.lastError = error.get();
            }
            job.cursorAnswer = old.answerId;
        }
        return true;
    }

    /** @return why the answer could not be re-scored, or empty when its new score is recorded */
    private Optional<String> rescore(AnswerScoreRow old) {
        Answer answer = Answer.findById(old.answerId);
        Optional<Rubric> rubric = Rubric.version(old.rubricSlug, old.tenant, old.rubricVersion)
                .or(() -> Rubric.version(old.rubricSlug, null, old.rubricVersion));
        if (answer == null || rubric.isEmpty()) {
            return Optional.of("answer " + old.answerId + ": its rubric " + old.rubricSlug + " v" + old.rubricVersion
                    + " is gone");
        }
        AnswerScorer.Result result;
        try {
            RubricDefinition definition = definitions.of(rubric.get());
            result = models.scorer().score(definition, new AnswerScorer.AnswerInput(answer.answerFormat, answer.prompt,
                    answer.text, structured(answer)), sandboxOutcome(old));
        } catch (RuntimeException e) {
            // the scorer is pure: a failure is this answer's, not the transaction's; it is counted and skipped
            LOG.warnf(e, "Re-scoring answer %s failed", answer.answerId);
            return Optional.of("answer " + answer.answerId + ": " + e.getClass().getSimpleName());
        }
        scores.record(answer, old.rubricSlug, old.rubricVersion, result, old);
        return Optional.empty();
    }

    private static JsonNode structured(Answer answer) {
        try {
            return answer.structured == null ? null : Json.mapper().readTree(answer.structured);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("answer " + answer.answerId + " has unreadable structure", e);
        }
    }

    /** The sandbox's comparison kept with the earlier score, if it ran one. */
    private static SqlOutcome sandboxOutcome(AnswerScoreRow old) {
        if (old.sqlReport == null) {
            return null;
        }
        try {
            JsonNode sandbox = Json.mapper().readTree(old.sqlReport).path("sandbox");
            return sandbox.isObject() ? Json.mapper().treeToValue(sandbox, SqlOutcome.class) : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
