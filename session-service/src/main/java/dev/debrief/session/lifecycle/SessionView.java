package dev.debrief.session.lifecycle;

import dev.debrief.contracts.AnswerFormat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A session as its participants see it, with the server's clocks read at {@code serverTime}. A question's
 * prompt is shown once it has been asked.
 */
public record SessionView(UUID id, SessionStatus status, SessionMode mode, String tenant, Person candidate,
        Person coach, String loop, long version, int currentQuestion, long elapsedSeconds, Instant createdAt,
        Instant startedAt, Instant pausedAt, Instant endedAt, Instant serverTime, List<RoundView> rounds,
        List<QuestionView> questions) {

    public record Person(String id, String name) {
    }

    public record RoundView(int position, String name, String roundType, int budgetSeconds, long elapsedSeconds,
            long remainingSeconds, long overtimeSeconds, boolean running, Instant startedAt, Instant completedAt) {
        static RoundView of(SessionRound r, Instant now) {
            return new RoundView(r.position, r.name, r.roundType, r.budgetSeconds, r.elapsedSeconds(now),
                    Math.max(0, r.budgetSeconds - r.elapsedSeconds(now)), r.overtimeSeconds(now), r.clock.running(),
                    r.startedAt, r.completedAt);
        }
    }

    public record QuestionView(int index, int roundPosition, UUID questionId, int questionVersion, String title,
            String prompt, String category, AnswerFormat answerFormat, int timeBudgetSeconds, Instant askedAt,
            Instant finishedAt, long elapsedSeconds, long remainingSeconds, long overtimeSeconds, boolean running) {
        static QuestionView of(SessionQuestion q, Instant now) {
            var s = q.snapshot();
            return new QuestionView(q.index, q.roundPosition, q.questionId, q.questionVersion, s.title(),
                    q.asked() ? s.prompt() : null, s.category(), q.format(), s.timeBudgetSeconds(), q.askedAt,
                    q.finishedAt, q.elapsedSeconds(now), q.remainingSeconds(now), q.overtimeSeconds(now),
                    q.clock.running());
        }
    }

    public static SessionView of(InterviewSession s, Instant now) {
        return new SessionView(s.id, s.status, s.mode, s.tenant, new Person(s.candidate, s.candidateName),
                s.coach == null ? null : new Person(s.coach, s.coachName), s.loopSlug, s.version, s.currentIndex,
                s.elapsedSeconds(now), s.createdAt, s.startedAt, s.pausedAt, s.endedAt, now,
                s.rounds.stream().map(r -> RoundView.of(r, now)).toList(),
                s.questions.stream().map(q -> QuestionView.of(q, now)).toList());
    }
}
