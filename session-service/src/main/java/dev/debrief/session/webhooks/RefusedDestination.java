package dev.debrief.session.webhooks;

/** An endpoint URL that may not be called: the reason says why, for the problem's field error and the log. */
public class RefusedDestination extends RuntimeException {

    public RefusedDestination(String reason) {
        super(reason);
    }
}
