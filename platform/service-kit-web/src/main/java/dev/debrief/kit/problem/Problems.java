package dev.debrief.kit.problem;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses; the problem {@code type} is a stable URN per kind of failure. */
public final class Problems {

    private Problems() {
    }

    public static String typeOf(String slug) {
        return "urn:debrief:problem:" + slug;
    }

    public static Response response(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        Problem body = new Problem(typeOf(slug), title, status, detail, instance, errors);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    public static Response response(int status, String slug, String title, String detail, String instance) {
        return response(status, slug, title, detail, instance, List.of());
    }

    public static Response unauthorized(String detail, String instance) {
        Problem body = new Problem(typeOf("unauthorized"), "Unauthorized", 401, detail, instance, List.of());
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(body).build();
    }
}
