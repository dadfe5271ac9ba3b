package dev.debrief.session.domain;

/** What an interviewer springs mid-answer. */
public enum InterjectionKind {
    FOLLOW_UP, CONSTRAINT
}
