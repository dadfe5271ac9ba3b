package dev.debrief.session.lifecycle;

import dev.debrief.kit.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The session's ETag is its version ({@code "7"}). State-changing calls must send it in If-Match:
 * missing → 428, not the current version → 412.
 */
public final class Etags {

    private Etags() {
    }

    public static long required(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send the session's ETag in If-Match (GET the session to read it)", List.of());
        }
        String value = ifMatch.trim();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.preconditionFailed("If-Match " + ifMatch + " does not name a version of this session");
        }
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    public static Response ok(SessionView view) {
        return Response.ok(view).tag(of(view.version())).build();
    }
}
