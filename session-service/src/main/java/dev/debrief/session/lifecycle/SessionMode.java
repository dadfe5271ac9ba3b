package dev.debrief.session.lifecycle;

/** Who plays the interviewer: a coach, or the session itself (self-practice). */
public enum SessionMode {
    COACHED, SELF_PRACTICE
}
