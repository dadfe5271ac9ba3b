package dev.debrief.contracts.catalog;

import dev.debrief.contracts.AnswerFormat;

import java.util.List;
import java.util.UUID;

/**
 * One immutable version of a question as session-service snapshots it at session start (REST, from
 * question-service). Everything a live session and its scoring need, nothing editorial.
 *
 * @param referenceSql the reference query of a SQL question, otherwise null
 */
public record QuestionSnapshot(
        UUID id,
        int version,
        String slug,
        String title,
        String prompt,
        String category,
        String roundType,
        AnswerFormat answerFormat,
        String rubric,
        int timeBudgetSeconds,
        List<FollowUp> followUps,
        List<Constraint> constraints,
        String referenceSql) {

    /** A probe the interviewer may ask; in self-practice the session asks it {@code atSecond} into the answer. */
    public record FollowUp(String prompt, int atSecond) {
    }

    /** A constraint sprung mid-answer; in self-practice introduced {@code atSecond} into the answer. */
    public record Constraint(String text, int atSecond) {
    }
}
