package dev.debrief.question.taxonomy;

/** The seniority a question suits. */
public enum Level {
    MID, SENIOR, STAFF, PRINCIPAL, MANAGER, SENIOR_MANAGER, DIRECTOR
}
