package dev.debrief.launcher;

/** One started part of the stack; the stack stops its components in the reverse order of their start. */
interface Component {

    String name();

    void stop();

    /** Gone at once, as after a crash (SIGKILL, no shutdown); by default an orderly stop. */
    default void kill() {
        stop();
    }

    /** Why this stop may take longer than usual, or empty. */
    default String stopNote() {
        return "";
    }
}
