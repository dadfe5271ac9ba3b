package dev.debrief.session.answers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.contracts.EventType;
import dev.debrief.contracts.Json;
import dev.debrief.contracts.catalog.QuestionSnapshot;
import dev.debrief.contracts.sessions.AnswerSubmitted;
import dev.debrief.contracts.AnswerFormat;
import dev.debrief.session.lifecycle.InterviewSession;
import dev.debrief.session.lifecycle.Refusal;
import dev.debrief.session.lifecycle.SessionAccess;
import dev.debrief.session.lifecycle.SessionQuestion;
import dev.debrief.session.lifecycle.SessionTouch;
import dev.debrief.session.timeline.SessionEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Drafts (many, no If-Match) and the one final submission (If-Match) of the candidate's answers. */
@ApplicationScoped
public class Answers {

    private final SessionAccess access;
    private final SessionEvents events;
    private final SessionTouch touch;
    private final Clock clock;

    public Answers(SessionAccess access, SessionEvents events, SessionTouch touch, Clock clock) {
        this.access = access;
        this.events = events;
        this.touch = touch;
        this.clock = clock;
    }

    /** What the candidate wrote: text (or the SQL query) and, for metric questions, the structured part. */
    public record Content(String text, StructuredMetrics structured) {
    }

    @Transactional
    public Answer draft(UUID sessionId, int index, Content content) {
        InterviewSession s = access.forAppend(sessionId);
        requireCandidate(s);
        SessionQuestion q = s.answerable(index);
        Instant now = clock.instant();
        Answer answer = Answer.of(sessionId, index).orElseGet(() -> Answer.start(s, index, q.format()));
        answer.draft(content.text(), content.structured() == null ? null : Json.write(content.structured()), now);
        answer.persist();
        touch.touch(sessionId, now);
        return answer;
    }

    @Transactional
    public Answer submit(UUID sessionId, int index, long version, Content content) {
        InterviewSession s = access.forUpdate(sessionId, version);
        requireCandidate(s);
        SessionQuestion q = s.answerable(index);
        AnswerFormat format = answeredAs(q.format(), content);
        requireComplete(format, content);
        Instant now = clock.instant();
        Answer answer = Answer.of(sessionId, index).orElseGet(() -> Answer.start(s, index, format));
        answer.format = format;
        long elapsed = q.elapsedSeconds(now);
        answer.submit(content.text(), content.structured() == null ? null : Json.write(content.structured()), elapsed,
                now);
        answer.persist();
        s.answered(q, now);
        QuestionSnapshot snapshot = q.snapshot();
        JsonNode structured = content.structured() == null ? null : Json.mapper().valueToTree(content.structured());
        events.record(s, EventType.ANSWER_SUBMITTED, access.viewer().actorIn(s), now, AnswerSubmitted.builder()
                .sessionId(s.id).answerId(answer.id).candidate(s.candidate).question(q.questionId, q.questionVersion)
                .category(snapshot.category()).rubric(snapshot.rubric()).answerFormat(format)
                .prompt(snapshot.prompt()).text(content.text()).structured(structured)
                .referenceSql(format == AnswerFormat.SQL ? snapshot.referenceSql() : null)
                .roundPosition(q.roundPosition).elapsedSeconds(elapsed).submittedAt(now).build());
        InterviewSession.flush();
        return answer;
    }

    private void requireCandidate(InterviewSession s) {
        if (!access.viewer().isCandidateOf(s)) {
            throw new Refusal.NotAllowed("Only the session's candidate answers");
        }
    }

    /**
     * In a real interview the candidate speaks: a metric question takes free text too, and the structured form stays
     * an option. Without a structured part such an answer is free text, and is scored as one.
     */
    static AnswerFormat answeredAs(AnswerFormat questionFormat, Content content) {
        return questionFormat == AnswerFormat.STRUCTURED_METRICS && content.structured() == null
                ? AnswerFormat.FREE_TEXT : questionFormat;
    }

    private static void requireComplete(AnswerFormat format, Content content) {
        boolean noText = content.text() == null || content.text().isBlank();
        switch (format) {
            case FREE_TEXT -> {
                if (noText) {
                    throw new Refusal.Invalid("text", "a FREE_TEXT answer needs text");
                }
            }
            case SQL -> {
                if (noText) {
                    throw new Refusal.Invalid("text", "a SQL answer needs its query in text");
                }
            }
            case STRUCTURED_METRICS -> {
                if (content.structured() == null) {
                    throw new Refusal.Invalid("structured", "a STRUCTURED_METRICS answer needs it");
                }
                String[] problem = content.structured().incompleteness();
                if (problem != null) {
                    throw new Refusal.Invalid(problem[0], problem[1]);
                }
            }
        }
        if (format != AnswerFormat.STRUCTURED_METRICS && content.structured() != null) {
            throw new Refusal.Invalid("structured", "only STRUCTURED_METRICS answers have it");
        }
    }
}
