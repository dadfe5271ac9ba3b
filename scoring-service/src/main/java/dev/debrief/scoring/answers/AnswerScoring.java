package dev.debrief.scoring.answers;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.kit.inbox.Inbox;
import dev.debrief.kit.tracing.EventTraces;
import dev.debrief.scoring.rubrics.Rubric;
import dev.debrief.scoring.rubrics.RubricDefinition;
import dev.debrief.scoring.rubrics.RubricDefinitions;
import dev.debrief.scoring.scorer.AnswerScorer;
import dev.debrief.scoring.scorer.ScorerModels;
import dev.debrief.scoring.sql.SandboxComparison;
import dev.debrief.scoring.sql.SqlOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;


/**
 * Scores a submitted answer once: the scorer (and for SQL the sandbox, which is read-only) runs first, outside
 * any transaction; then the inbox mark, the answer, its score and the answer-scored event commit together.
 */
@ApplicationScoped
public class AnswerScoring {

    private static final Logger LOG = Logger.getLogger(AnswerScoring.class);
    public static final String CONSUMER = "scoring.answer-submitted";
    /** Answers scored per transaction: a burst still commits rarely, a large poll publishes its first answers early. */
    static final int COMMIT_EVERY = 16;

    private final Inbox inbox;
    private final ScorerModels models;
    private final ScoringPool pool;
    private final RubricDefinitions definitions;
    private final SandboxComparison comparison;
    private final ScoreRecorder scores;
    private final Clock clock;

    public AnswerScoring(Inbox inbox, ScorerModels models, ScoringPool pool, RubricDefinitions definitions,
            SandboxComparison comparison, ScoreRecorder scores, Clock clock) {
        this.inbox = inbox;
        this.models = models;
        this.pool = pool;
        this.definitions = definitions;
        this.comparison = comparison;
        this.scores = scores;
        this.clock = clock;
    }

    /** @return the score recorded for this delivery, empty when it was a redelivery or no rubric applies */
    public Optional<UUID> onAnswerSubmitted(EventEnvelope envelope) {
        return onAnswersSubmitted(List.of(envelope)).get(0);
    }

    /**
     * Scores a polled batch in chunks of {@link #COMMIT_EVERY}: each chunk is scored on all cores outside any
     * transaction (the scorer is pure CPU), then its inbox marks, rows and events commit together. One commit per
     * chunk keeps a burst cheap, and the chunk bound keeps the first answer of a large poll from waiting for the
     * last one. If a chunk's transaction fails, each of its events is retried alone so one bad event cannot hold
     * back the others; the first failure is then rethrown.
     *
     * @return per envelope, the score recorded, or empty for a redelivery or no rubric
     * @throws RuntimeException when an event could not be scored (unreadable, or its transaction failed): the events
     *         of the batch that could be are committed, and the inbox skips them when the caller tries again
     */
    public List<Optional<UUID>> onAnswersSubmitted(List<EventEnvelope> envelopes) {
        List<Optional<UUID>> results = new ArrayList<>(envelopes.size());
        for (int from = 0; from < envelopes.size(); from += COMMIT_EVERY) {
            results.addAll(scoreAndCommit(envelopes.subList(from, Math.min(envelopes.size(), from + COMMIT_EVERY))));
        }
        return results;
    }

    private List<Optional<UUID>> scoreAndCommit(List<EventEnvelope> chunk) {
        return ChunkCommit.commit(prepareAll(chunk), this::apply);
    }

    /** The rubric version an answer is scored with: what the score row names, and its parsed definition. */
    private record RubricRef(String slug, int version, RubricDefinition definition) {
    }

    /**
     * An event read, its rubric looked up and, when it has one, scored (SQL with a reference first runs in the
     * sandbox); {@code submitted} is null when the event is unreadable.
     */
    private record Prepared(EventEnvelope envelope, AnswerSubmitted submitted, Optional<RubricRef> rubric,
            AnswerScorer.Result result) {
    }

    private List<Prepared> prepareAll(List<EventEnvelope> chunk) {
        List<AnswerSubmitted> read = chunk.stream().map(AnswerScoring::read).toList();
        Map<String, Optional<RubricRef>> rubrics = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Optional<RubricRef>> found = new HashMap<>();
            for (int i = 0; i < chunk.size(); i++) {
                AnswerSubmitted s = read.get(i);
                String tenant = chunk.get(i).tenant();
                if (s != null) {
                    found.computeIfAbsent(s.rubric() + "|" + tenant, k -> Rubric.latest(s.rubric(), tenant)
                            .map(r -> new RubricRef(r.slug, r.version, definitions.of(r))));
                }
            }
            return found;
        });
        List<Callable<Prepared>> tasks = new ArrayList<>();
        for (int i = 0; i < chunk.size(); i++) {
            EventEnvelope envelope = chunk.get(i);
            AnswerSubmitted submitted = read.get(i);
            Optional<RubricRef> rubric = submitted == null ? Optional.empty()
                    : rubrics.get(submitted.rubric() + "|" + envelope.tenant());
            tasks.add(() -> new Prepared(envelope, submitted, rubric, rubric.map(r -> score(r, submitted)).orElse(null)));
        }
        return pool.runAll(tasks);
    }

    private AnswerScorer.Result score(RubricRef rubric, AnswerSubmitted submitted) {
        SqlOutcome outcome = submitted.answerFormat() == AnswerFormat.SQL && submitted.referenceSql() != null
                ? compareInSandbox(submitted) : null;
        return scorer().score(rubric.definition(), new AnswerScorer.AnswerInput(submitted.answerFormat(),
                submitted.prompt(), submitted.text(), submitted.structured()), outcome);
    }

    private AnswerScorer scorer() {
        return models.scorer();
    }

    private Optional<UUID> apply(Prepared p) {
        EventEnvelope envelope = p.envelope();
        AnswerSubmitted submitted = p.submitted();
        if (submitted == null || !inbox.firstDelivery(CONSUMER, envelope.id())
                || Answer.findById(submitted.answerId()) != null) {
            return Optional.empty();
        }
        Answer answer = record(submitted, envelope.tenant());
        if (p.rubric().isEmpty()) {
            LOG.warnf("No rubric %s for answer %s: kept unscored", submitted.rubric(), submitted.answerId());
            return Optional.empty();
        }
        AnswerScoreRow row;
        try (var trace = EventTraces.enter(envelope.id())) { // the score goes on in its answer's trace
            row = scores.record(answer, p.rubric().get().slug(), p.rubric().get().version(), p.result(), null);
        }
        return Optional.of(row.id);
    }

    private SqlOutcome compareInSandbox(AnswerSubmitted submitted) {
        return comparison.compare(submitted.text(), submitted.prompt(), submitted.referenceSql());
    }

    private Answer record(AnswerSubmitted s, String tenant) {
        Answer answer = new Answer();
        answer.answerId = s.answerId();
        answer.sessionId = s.sessionId();
        answer.tenant = tenant;
        answer.candidate = s.candidate();
        answer.questionId = s.questionId();
        answer.questionVersion = s.questionVersion();
        answer.category = s.category();
        answer.rubricSlug = s.rubric();
        answer.answerFormat = s.answerFormat();
        answer.prompt = s.prompt();
        answer.text = s.text() == null ? "" : s.text();
        answer.structured = s.structured() == null || s.structured().isNull() ? null : Json.write(s.structured());
        answer.roundPosition = s.roundPosition();
        answer.submittedAt = s.submittedAt() == null ? clock.instant() : s.submittedAt();
        answer.persist();
        return answer;
    }

    /** The event's data; an unreadable one fails (the consumer dead-letters it rather than dropping it). */
    private static AnswerSubmitted read(EventEnvelope envelope) {
        try {
            AnswerSubmitted submitted = Json.mapper().treeToValue(envelope.data(), AnswerSubmitted.class);
            if (submitted == null || submitted.answerId() == null) {
                throw new IllegalArgumentException("no answer id");
            }
            return submitted;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("answer-submitted " + envelope.id() + " is unreadable: " + e.getMessage(), e);
        }
    }
}
