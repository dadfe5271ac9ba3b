package dev.debrief.launcher;

/** A failure the person running the stack can act on: the launcher prints its message as one line, no stack trace. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
