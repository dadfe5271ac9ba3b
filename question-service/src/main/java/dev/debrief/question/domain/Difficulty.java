package dev.debrief.question.domain;

/** How hard a question is. */
public enum Difficulty {
    EASY, MEDIUM, HARD
}
