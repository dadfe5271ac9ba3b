package dev.debrief.scoring.domain;

/** The sandbox would not run a statement, or the database stopped it; {@code reason} is a stable code. */
public class SandboxRefusal extends RuntimeException {

    private final String reason;

    public SandboxRefusal(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
