package dev.debrief.scoring;

import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.Topics;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.contracts.sessions.SessionCreated;
import dev.debrief.contracts.sessions.SessionPanelChanged;
import dev.debrief.scoring.access.SessionScopeRow;
import dev.debrief.scoring.answers.AnswerScoreRow;
import dev.debrief.testsupport.KafkaEvents;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** Plays session-service in tests: publishes answer-submitted events as its outbox would. */
final class Sessions {

    static final String STRONG_STORY = "The situation was a launch slipping by two weeks. I decided to cut scope instead of "
            + "adding people, because the cost of delay was 40 engineer-weeks. The result was that churn dropped from 5% "
            + "to 3.8% within a quarter. In hindsight I should have set the bar upfront; since then I write it down first.";

    private Sessions() {
    }

    static EventEnvelope answer(UUID sessionId, String tenant, String candidateUsername, int round, String text) {
        AnswerSubmitted data = submitted(sessionId, candidateUsername).category("BEHAVIORAL").rubric("behavioral-story")
                .answerFormat(AnswerFormat.FREE_TEXT).prompt("Tell me about a hard call.").text(text)
                .roundPosition(round).elapsedSeconds(300).build();
        return EventEnvelope.of(EventType.ANSWER_SUBMITTED, "/debrief/session-service", sessionId.toString(), tenant,
                Instant.now(), Json.mapper().valueToTree(data));
    }

    static EventEnvelope sqlAnswer(UUID sessionId, String tenant, String candidateUsername, String sql, String reference) {
        AnswerSubmitted data = submitted(sessionId, candidateUsername).category("SQL").rubric("sql-analysis")
                .answerFormat(AnswerFormat.SQL).prompt("Plays per device, excluding test accounts.").text(sql)
                .referenceSql(reference).roundPosition(1).elapsedSeconds(600).build();
        return EventEnvelope.of(EventType.ANSWER_SUBMITTED, "/debrief/session-service", sessionId.toString(), tenant,
                Instant.now(), Json.mapper().valueToTree(data));
    }

    static EventEnvelope structuredAnswer(UUID sessionId, String tenant, String candidateUsername, String notes,
            String structuredJson) {
        AnswerSubmitted data = submitted(sessionId, candidateUsername).category("METRIC_DESIGN").rubric("data-case")
                .answerFormat(AnswerFormat.STRUCTURED_METRICS).prompt("Define success metrics for a new row on the home page.")
                .text(notes).structured(read(structuredJson)).roundPosition(1).elapsedSeconds(400).build();
        return EventEnvelope.of(EventType.ANSWER_SUBMITTED, "/debrief/session-service", sessionId.toString(), tenant,
                Instant.now(), Json.mapper().valueToTree(data));
    }

    /** A fresh answer by the candidate to version 1 of a fresh question, submitted now. */
    private static AnswerSubmitted.Builder submitted(UUID sessionId, String candidateUsername) {
        return AnswerSubmitted.builder().sessionId(sessionId).answerId(UUID.randomUUID())
                .candidate(TestTokens.subjectOf(candidateUsername)).question(UUID.randomUUID(), 1).submittedAt(Instant.now());
    }

    private static com.fasterxml.jackson.databind.JsonNode read(String json) {
        try {
            return Json.mapper().readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static EventEnvelope completed(UUID sessionId, String tenant) {
        return EventEnvelope.of(EventType.SESSION_COMPLETED, "/debrief/session-service", sessionId.toString(), tenant,
                Instant.now(), Json.mapper().valueToTree(Map.of("sessionId", sessionId)));
    }

    /** The default coach of a session in these tests. */
    static final String COACH = "colin";

    static EventEnvelope created(UUID sessionId, String tenant, String candidateUsername, String coachUsername) {
        SessionCreated data = new SessionCreated(sessionId, TestTokens.subjectOf(candidateUsername),
                coachUsername == null ? null : TestTokens.subjectOf(coachUsername),
                coachUsername == null ? "SELF_PRACTICE" : "COACHED", null, List.of(), List.of(), Instant.now());
        return EventEnvelope.of(EventType.SESSION_CREATED, "/debrief/session-service", sessionId.toString(), tenant,
                Instant.now(), Json.mapper().valueToTree(data));
    }

    /** Sets the session's panel as session-service would, and waits until scoring-service has applied it. */
    static void panel(UUID sessionId, String tenant, String... coachUsernames) {
        List<String> panel = Arrays.stream(coachUsernames).map(TestTokens::subjectOf).toList();
        KafkaEvents.send(Topics.SESSIONS, EventEnvelope.of(EventType.SESSION_PANEL_CHANGED, "/debrief/session-service",
                sessionId.toString(), tenant, Instant.now(), Json.mapper().valueToTree(
                        new SessionPanelChanged(sessionId, panel, "coach:" + COACH, Instant.now()))));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            SessionScopeRow row = SessionScopeRow.findById(sessionId);
            return row != null && row.panel.equals(Set.copyOf(panel));
        }));
    }

    /** Sends an answer of a session coached by {@link #COACH} and waits until it is scored. */
    static UUID scoredSession(String tenant, String candidateUsername) {
        return scoredSession(tenant, candidateUsername, COACH);
    }

    /** A session created with the given coach (null: self-practice), one answer, scored. */
    static UUID scoredSession(String tenant, String candidateUsername, String coachUsername) {
        UUID sessionId = UUID.randomUUID();
        KafkaEvents.send(Topics.SESSIONS, created(sessionId, tenant, candidateUsername, coachUsername));
        KafkaEvents.send(Topics.SESSIONS, answer(sessionId, tenant, candidateUsername, 1, STRONG_STORY));
        await().atMost(Duration.ofSeconds(30)).until(() -> scores(sessionId) == 1);
        return sessionId;
    }

    static long scores(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> AnswerScoreRow.count("sessionId", sessionId));
    }
}
