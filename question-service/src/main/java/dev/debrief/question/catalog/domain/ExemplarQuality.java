package dev.debrief.question.catalog.domain;

/** Whether an exemplar answer shows what to do or what to avoid. */
public enum ExemplarQuality {
    STRONG, WEAK
}
