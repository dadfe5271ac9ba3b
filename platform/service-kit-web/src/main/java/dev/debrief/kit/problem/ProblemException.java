package dev.debrief.kit.problem;

import java.util.List;

/**
 * A failure the client can act on, answered as problem+json with its status. The domain throws these
 * (through the factories) instead of building responses.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(400, "validation", "Request is not valid", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** Not found, and also the answer for what exists but belongs to another tenant: no existence leak. */
    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " was not found", List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict with the current state", detail, List.of());
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail, List.of());
    }

    public static ProblemException tooLarge(String detail) {
        return new ProblemException(413, "too-large", "Content too large", detail, List.of());
    }

    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "dependency-unavailable", "Service unavailable", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
