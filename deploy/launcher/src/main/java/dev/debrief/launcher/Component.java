package dev.debrief.launcher;

/** One started part of the stack; the stack stops its components in the reverse order of their start. */
interface Component {

    String name();

    void stop();

    /** Why this stop may take longer than usual, or empty. */
    default String stopNote() {
        return "";
    }
}
