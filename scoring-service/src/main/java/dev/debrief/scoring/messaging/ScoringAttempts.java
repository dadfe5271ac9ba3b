package dev.debrief.scoring.messaging;

import dev.debrief.contracts.EventEnvelope;
import dev.debrief.kit.consumer.TransientFailure;
import dev.debrief.scoring.domain.AnswerScoring;
import dev.debrief.scoring.domain.SessionDebriefing;
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
 * {@code dev.debrief.scoring.messaging.ScoringAttempts/score/Retry/maxDuration}.
 */
@ApplicationScoped
public class ScoringAttempts {

    private final AnswerScoring scoring;
    private final SessionDebriefing debriefing;

    public ScoringAttempts(AnswerScoring scoring, SessionDebriefing debriefing) {
        this.scoring = scoring;
        this.debriefing = debriefing;
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
}
