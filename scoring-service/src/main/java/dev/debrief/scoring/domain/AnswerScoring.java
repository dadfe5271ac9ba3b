package dev.debrief.scoring.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.scores.AnswerScored;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.kit.inbox.Inbox;
import dev.debrief.kit.outbox.Outbox;
import dev.debrief.scoring.persistence.Answer;
import dev.debrief.scoring.persistence.AnswerScoreRow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Scores a submitted answer once: the sandbox runs first (outside any transaction, it is read-only), then
 * the inbox mark, the answer, its score and the answer-scored event commit together.
 */
@ApplicationScoped
public class AnswerScoring {

    private static final Logger LOG = Logger.getLogger(AnswerScoring.class);
    public static final String CONSUMER = "scoring.answer-submitted";

    private final Inbox inbox;
    private final Outbox outbox;
    private final SqlSandbox sandbox;
    private final Clock clock;
    private final CompletableFuture<AnswerScorer> scorer = new CompletableFuture<>();
    private final AtomicBoolean loading = new AtomicBoolean();

    public AnswerScoring(Inbox inbox, Outbox outbox, SqlSandbox sandbox, Clock clock) {
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

    public AnswerScorer scorer() {
        startLoading();
        return scorer.join();
    }

    private void startLoading() {
        if (loading.compareAndSet(false, true)) {
            Thread.ofPlatform().name("nlp-models").daemon().start(() -> {
                try {
                    scorer.complete(new AnswerScorer(new TextAnalyzer()));
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
     * Scores a batch in one transaction (one commit instead of one per answer, which is what lets the consumer
     * catch up after a burst). If anything in the batch fails, each event is retried in its own transaction
     * so one bad event cannot hold back the others.
     *
     * @return per envelope, the score recorded, or empty for a redelivery or an answer with no rubric
     */
    public List<Optional<UUID>> onAnswersSubmitted(List<EventEnvelope> envelopes) {
        List<Prepared> prepared = envelopes.stream().map(this::prepare).toList();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                Map<String, Optional<Rubric>> rubrics = new HashMap<>();
                return prepared.stream().map(p -> apply(p, rubrics)).toList();
            });
        } catch (RuntimeException batchFailure) {
            if (prepared.size() == 1) {
                throw batchFailure;
            }
            List<Optional<UUID>> results = new ArrayList<>();
            for (Prepared p : prepared) {
                try {
                    results.add(QuarkusTransaction.requiringNew().call(() -> apply(p, new HashMap<>())));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Could not score answer-submitted %s", p.envelope().id());
                    results.add(Optional.empty());
                }
            }
            return results;
        }
    }

    /** An event read and, for SQL with a reference, already run in the sandbox (outside any transaction). */
    private record Prepared(EventEnvelope envelope, AnswerSubmitted submitted, SqlOutcome outcome) {
    }

    private Prepared prepare(EventEnvelope envelope) {
        AnswerSubmitted submitted = read(envelope);
        SqlOutcome outcome = "SQL".equalsIgnoreCase(submitted.answerFormat()) && submitted.referenceSql() != null
                ? compareInSandbox(submitted) : null;
        return new Prepared(envelope, submitted, outcome);
    }

    private Optional<UUID> apply(Prepared p, Map<String, Optional<Rubric>> rubrics) {
        EventEnvelope envelope = p.envelope();
        AnswerSubmitted submitted = p.submitted();
        if (!inbox.firstDelivery(CONSUMER, envelope.id()) || Answer.findById(submitted.answerId()) != null) {
            return Optional.empty();
        }
        Answer answer = record(submitted, envelope.tenant());
        Optional<Rubric> rubric = rubrics.computeIfAbsent(submitted.rubric() + "|" + envelope.tenant(),
                k -> Rubric.latest(submitted.rubric(), envelope.tenant()));
        if (rubric.isEmpty()) {
            LOG.warnf("No rubric %s for answer %s: kept unscored", submitted.rubric(), submitted.answerId());
            return Optional.empty();
        }
        AnswerScorer.Result result = scorer().score(rubric.get().parsed(), new AnswerScorer.AnswerInput(
                submitted.answerFormat(), submitted.prompt(), submitted.text()), p.outcome());
        AnswerScoreRow row = persist(answer, rubric.get(), result);
        outbox.publish(EventType.ANSWER_SCORED, answer.sessionId, answer.tenant, new AnswerScored(row.id,
                answer.sessionId, answer.answerId, answer.questionId, answer.questionVersion, row.rubricSlug,
                row.rubricVersion, row.scorer, row.scorerKind, result.overall(), result.dimensions(), row.scoredAt));
        return Optional.of(row.id);
    }

    private SqlOutcome compareInSandbox(AnswerSubmitted submitted) {
        SqlInspector.Report report = new SqlInspector().inspect(submitted.text(), submitted.prompt());
        if (!report.parsed()) {
            return new SqlOutcome(false, false, report.error(), 0, 0, java.util.List.of(report.error()));
        }
        try {
            SqlSandbox.Rows reference = sandbox.run(submitted.referenceSql());
            SqlSandbox.Rows candidate = sandbox.run(report.finalQuery().sql());
            return ResultComparator.compare(candidate, reference, report.traps());
        } catch (SandboxRefusal e) {
            return new SqlOutcome(false, false, e.getMessage(), 0, 0, java.util.List.of("The sandbox did not run it: "
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
        answer.roundPosition = s.roundPosition();
        answer.submittedAt = s.submittedAt() == null ? clock.instant() : s.submittedAt();
        answer.persist();
        return answer;
    }

    private AnswerScoreRow persist(Answer answer, Rubric rubric, AnswerScorer.Result result) {
        AnswerScoreRow row = new AnswerScoreRow();
        row.id = UUID.randomUUID();
        row.answerId = answer.answerId;
        row.sessionId = answer.sessionId;
        row.tenant = answer.tenant;
        row.candidate = answer.candidate;
        row.rubricSlug = rubric.slug;
        row.rubricVersion = rubric.version;
        row.scorer = AnswerScorer.ENGINE;
        row.scorerKind = "AUTOMATED";
        row.overall = BigDecimal.valueOf(result.overall());
        row.dimensions = write(result.dimensions());
        row.sqlReport = result.sqlReport() == null ? null : write(sqlReport(result));
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

    private static AnswerSubmitted read(EventEnvelope envelope) {
        try {
            return Json.mapper().treeToValue(envelope.data(), AnswerSubmitted.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("answer-submitted " + envelope.id() + " has unreadable data", e);
        }
    }

    static String write(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
