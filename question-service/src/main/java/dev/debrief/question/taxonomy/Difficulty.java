package dev.debrief.question.taxonomy;

/** How hard a question is. */
public enum Difficulty {
    EASY, MEDIUM, HARD
}
