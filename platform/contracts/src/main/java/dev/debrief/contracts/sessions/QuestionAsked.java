package dev.debrief.contracts.sessions;

import dev.debrief.contracts.AnswerFormat;

import java.time.Instant;
import java.util.UUID;

/** data of {@code dev.debrief.session.question-asked}: a question was put to the candidate; its clock runs. */
public record QuestionAsked(
        UUID sessionId,
        int questionIndex,
        int roundPosition,
        UUID questionId,
        int questionVersion,
        String title,
        String prompt,
        AnswerFormat answerFormat,
        int timeBudgetSeconds,
        Instant askedAt) {
}
