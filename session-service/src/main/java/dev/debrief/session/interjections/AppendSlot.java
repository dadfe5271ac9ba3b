package dev.debrief.session.interjections;

import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.SessionStatus;
import dev.debrief.session.lifecycle.Stopwatch;
import java.time.Instant;
import java.util.UUID;

/**
 * A session locked for one timeline append, read in the statement that locked it and took its next seq:
 * only the columns the live append checks (who may see it, whether it runs, its open question and clock),
 * so an interjection loads no entity. The rules are the aggregate's ({@link InterviewSession#interjectable}).
 */
public record AppendSlot(UUID sessionId, String tenant, String candidate, String coach, SessionStatus status,
        long seq, Question question) {

    /** The current question's columns, null when none has been asked. */
    public record Question(int index, UUID questionId, Instant askedAt, Instant finishedAt, Stopwatch clock) {

        boolean open() {
            return askedAt != null && finishedAt == null;
        }
    }

    /** The question an interviewer may interject into now; refused otherwise, as the aggregate refuses. */
    public Question interjectable() {
        InterviewSession.requireInProgress(status, "interject");
        if (question == null || !question.open()) {
            throw InterviewSession.noOpenQuestion();
        }
        return question;
    }
}
