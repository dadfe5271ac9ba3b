package dev.debrief.scoring.intake;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.sessions.SessionCreated;
import dev.debrief.contracts.sessions.SessionPanelChanged;
import dev.debrief.kit.consumer.TransientFailure;
import dev.debrief.scoring.access.SessionScopes;
import dev.debrief.scoring.answers.AnswerScoring;
import dev.debrief.scoring.debrief.SessionDebriefing;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;

import java.util.List;
import java.util.UUID;

/**
 * One attempt at applying session events, retried with backoff while the failure is transient (the database away,
 * a lost serialisation race) and given up at once when it is not (a poison event). Re-running is safe: the inbox
 * drops what an earlier attempt committed. The retry budget is configurable per method, e.g.
 * {@code dev.debrief.scoring.intake.ScoringAttempts/score/Retry/maxDuration}.
 */
@ApplicationScoped
public class ScoringAttempts {

    private final AnswerScoring scoring;
    private final SessionDebriefing debriefing;
    private final SessionScopes scopes;

    public ScoringAttempts(AnswerScoring scoring, SessionDebriefing debriefing, SessionScopes scopes) {
        this.scoring = scoring;
        this.debriefing = debriefing;
        this.scopes = scopes;
    }

    @Retry(maxRetries = -1, delay = 250, jitter = 100, maxDuration = 600_000)
    @ExponentialBackoff(factor = 2, maxDelay = 15_000)
    @RetryWhen(exception = TransientFailure.class)
    public void score(List<EventEnvelope> answers) {
        scoring.onAnswersSubmitted(answers);
    }

    @Retry(maxRetries = -1, delay = 250, jitter = 100, maxDuration = 600_000)
    @ExponentialBackoff(factor = 2, maxDelay = 15_000)
    @RetryWhen(exception = TransientFailure.class)
    public void debrief(EventEnvelope completed) {
        debriefing.onSessionCompleted(completed.id(), UUID.fromString(completed.subject()), completed.tenant());
    }

    /** Records who takes part in a session (candidate, coach, panel), which scoring's access rule reads. */
    @Retry(maxRetries = -1, delay = 250, jitter = 100, maxDuration = 600_000)
    @ExponentialBackoff(factor = 2, maxDelay = 15_000)
    @RetryWhen(exception = TransientFailure.class)
    public void scope(EventEnvelope event) {
        UUID sessionId = UUID.fromString(event.subject());
        try {
            if (event.is(EventType.SESSION_CREATED)) {
                SessionCreated created = Json.mapper().treeToValue(event.data(), SessionCreated.class);
                scopes.onSessionCreated(event.id(), sessionId, event.tenant(), created.candidate(), created.coach());
            } else {
                SessionPanelChanged changed = Json.mapper().treeToValue(event.data(), SessionPanelChanged.class);
                scopes.onPanelChanged(event.id(), sessionId, changed.panel() == null ? List.of() : changed.panel(),
                        changed.changedAt() == null ? event.time() : changed.changedAt());
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("unreadable " + event.type() + " data: " + e.getOriginalMessage(), e);
        }
    }
}
