package dev.debrief.session.lifecycle;

/** What an interviewer springs mid-answer. */
public enum InterjectionKind {
    FOLLOW_UP, CONSTRAINT
}
