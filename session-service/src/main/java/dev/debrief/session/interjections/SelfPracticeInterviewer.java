package dev.debrief.session.interjections;

import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionQuestion;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Plays the interviewer in self-practice: at the moments each question defines ({@code atSecond} on the
 * answer's running clock) it asks the follow-up or springs the constraint. Safe on several replicas:
 * each session is locked and re-checked, so a moment fires once.
 */
@ApplicationScoped
public class SelfPracticeInterviewer {

    static final String ACTOR = "system:self-practice";

    private final Interjections interjections;
    private final Clock clock;

    public SelfPracticeInterviewer(Interjections interjections, Clock clock) {
        this.interjections = interjections;
        this.clock = clock;
    }

    @Scheduled(every = "${debrief.sessions.tick-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        tick();
    }

    /** @return how many interjections fired */
    public int tick() {
        Instant now = clock.instant();
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> SessionQuestion
                .<SessionQuestion>list("nextAutoAt <= ?1", now).stream().map(q -> q.session.id).distinct().toList());
        int fired = 0;
        for (UUID id : due) {
            fired += QuarkusTransaction.requiringNew().call(() -> fire(id, now));
        }
        return fired;
    }

    private int fire(UUID id, Instant now) {
        InterviewSession s = InterviewSession.findLocked(id);
        List<SessionQuestion.Interjection> due = s.dueInterjections(now);
        SessionQuestion q = s.current().orElseThrow();
        due.forEach(i -> interjections.record(s, q, i.kind(), i.text(), Interjections.SELF_PRACTICE, ACTOR, now));
        return due.size();
    }
}
