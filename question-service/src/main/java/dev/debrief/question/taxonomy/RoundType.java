package dev.debrief.question.taxonomy;

/** The kind of interview round a question is asked in. */
public enum RoundType {
    RECRUITER_SCREEN, HIRING_MANAGER, DATA_CASE, EXECUTIVE_ALIGNMENT, MANAGER_SCREEN, TECHNICAL_SCREEN, ONSITE
}
