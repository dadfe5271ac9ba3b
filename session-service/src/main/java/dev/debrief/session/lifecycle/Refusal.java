package dev.debrief.session.lifecycle;

/**
 * Why a session refuses what was asked, in the domain's words. The domain knows no HTTP: the web layer answers
 * each kind as one problem+json ({@code RefusalProblems}), with this message as its detail. Nothing is changed by
 * a refused call (the transaction rolls back).
 */
public abstract sealed class Refusal extends RuntimeException {

    private Refusal(String detail) {
        super(detail);
    }

    /** No such session (or answer), or one the caller may not see: the same answer, so nothing leaks. */
    public static final class NotFound extends Refusal {
        public NotFound(String what, Object id) {
            super(what + " " + id + " was not found");
        }
    }

    /** The caller sees the session but does not take that part in it (a panelist answering, a candidate interjecting). */
    public static final class NotAllowed extends Refusal {
        public NotAllowed(String detail) {
            super(detail);
        }
    }

    /** The move does not fit the session's current state (a paused session answered, a final status left). */
    public static final class Conflict extends Refusal {
        public Conflict(String detail) {
            super(detail);
        }
    }

    /** The caller's version of the session is not its current one (If-Match). */
    public static final class StaleVersion extends Refusal {
        public StaleVersion(String detail) {
            super(detail);
        }
    }

    /** A field of the request breaks a rule of the domain; the message names what is wrong with it. */
    public static final class Invalid extends Refusal {
        private final String field;
        private final String message;

        public Invalid(String field, String message) {
            super(field + ": " + message);
            this.field = field;
            this.message = message;
        }

        public String field() {
            return field;
        }

        public String message() {
            return message;
        }
    }

    /** Something the domain needs (the question catalog) cannot answer now; nothing was done. */
    public static final class Unavailable extends Refusal {
        public Unavailable(String detail) {
            super(detail);
        }
    }
}
