package dev.debrief.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.kit.inbox.Inbox;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.kit.tracing.EventTraces;
import dev.debrief.scoring.domain.semantic.SentenceEncoder;
import dev.debrief.scoring.persistence.Answer;
import dev.debrief.scoring.persistence.AnswerScoreRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Outbox outbox;
    private final SqlSandbox sandbox;
    private final Clock clock;
    private final CompletableFuture<AnswerScorer> scorer = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();
    /** Parsed rubric definitions by rubric id: a version never changes once stored. */
    private final Map<UUID, RubricDefinition> definitions = new ConcurrentHashMap<>();
    /** One scoring thread per core: a chunk's answers are scored side by side. */
    private final ExecutorService scorers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(),
            Thread.ofPlatform().name("answer-scorer-", 0).daemon().factory());

    public AnswerScoring(Inbox inbox, Outbox outbox, SqlSandbox sandbox, Clock clock,
            @ConfigProperty(name = "debrief.scoring.encoder.intra-op-threads", defaultValue = "1") int intraOpThreads,
            @ConfigProperty(name = "debrief.scoring.encoder.inter-op-threads", defaultValue = "1") int interOpThreads) {
        AnswerScorer.configure(new SentenceEncoder.Threads(intraOpThreads, interOpThreads));
        this.inbox = inbox;
        this.outbox = outbox;
        this.sandbox = sandbox;
        this.clock = clock;
    }

    /**
     * The NLP models (about a second of CPU) load at startup on a thread of their own, not on the first answer and
     * not before the service is ready: the HTTP API needs none of them, and the first answer waits only for the rest.
     */
    void onStart(@Observes StartupEvent event) {
        startLoading();
    }

    void onStop(@Observes ShutdownEvent event) {
        scorers.shutdownNow();
    }

    public AnswerScorer scorer() {
        startLoading();
        return scorer.join();
    }

    private void startLoading() {
        if (loading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("nlp-models").daemon().start(() -> {
                try {
                    scorer.complete(AnswerScorer.shared());
                } catch (RuntimeException | Error e) {
                    scorer.completeExceptionally(e);
                }
            });
        }
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
        List<Prepared> prepared = prepareAll(chunk);
        try {
            return QuarkusTransaction.requiringNew().call(() -> prepared.stream().map(this::apply).toList());
        } catch (RuntimeException chunkFailure) {
            if (prepared.size() == 1) {
                throw chunkFailure;
            }
            List<Optional<UUID>> results = new ArrayList<>();
            RuntimeException failed = null;
            for (Prepared p : prepared) {
                try {
                    results.add(QuarkusTransaction.requiringNew().call(() -> apply(p)));
                } catch (RuntimeException e) {
                    failed = failed == null ? e : failed;
                    results.add(Optional.empty());
                }
            }
            if (failed != null) {
                // the others are committed; the caller retries or dead-letters, and the inbox skips what committed
                throw failed;
            }
            return results;
        }
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
                            .map(r -> new RubricRef(r.slug, r.version, definitions.computeIfAbsent(r.id, id -> r.parsed()))));
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
        if (tasks.size() == 1) {
            return List.of(call(tasks.get(0)));
        }
        try {
            List<Prepared> prepared = new ArrayList<>();
            for (Future<Prepared> f : scorers.invokeAll(tasks)) {
                prepared.add(f.get());
            }
            return prepared;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while scoring", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private static Prepared call(Callable<Prepared> task) {
        try {
            return task.call();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private AnswerScorer.Result score(RubricRef rubric, AnswerSubmitted submitted) {
        SqlOutcome outcome = submitted.answerFormat() == AnswerFormat.SQL && submitted.referenceSql() != null
                ? compareInSandbox(submitted) : null;
        return scorer().score(rubric.definition(), new AnswerScorer.AnswerInput(submitted.answerFormat(),
                submitted.prompt(), submitted.text(), submitted.structured()), outcome);
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
            row = record(answer, p.rubric().get().slug(), p.rubric().get().version(), p.result(), null);
        }
        return Optional.of(row.id);
    }

    /**
     * Stores an automated score and publishes {@code score.answer-scored} in the caller's transaction. A re-score
     * names the score it replaces, which is marked superseded in the same transaction: readers see one or the other.
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

    private SqlOutcome compareInSandbox(AnswerSubmitted submitted) {
        SqlInspector.Report report = new SqlInspector().inspect(submitted.text(), submitted.prompt());
        if (!report.parsed()) {
            return new SqlOutcome(false, false, SandboxRefusal.Code.SYNTAX.code(), 0, 0, java.util.List.of(report.error()));
        }
        try {
            SqlSandbox.Rows reference = sandbox.run(submitted.referenceSql());
            SqlSandbox.Rows candidate = sandbox.run(report.finalQuery().sql());
            return ResultComparator.compare(candidate, reference, report.traps());
        } catch (SandboxRefusal e) {
            // a code and a fixed sentence only: the database's own message can quote data (SqlSandbox logs it)
            return new SqlOutcome(false, false, e.reason(), 0, 0, java.util.List.of("The sandbox did not run it: "
                    + e.getMessage()));
        }
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
