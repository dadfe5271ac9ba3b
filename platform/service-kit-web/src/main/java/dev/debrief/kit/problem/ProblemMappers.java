package dev.debrief.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.debrief.kit.input.ControlCharacterException;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.nio.channels.ClosedChannelException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The one error mapping of every service: each failure becomes an RFC 9457 problem+json response, and
 * nothing internal (stack traces, SQL, class names) reaches the client.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpServerRequest request) {
        return Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), request.path(), e.errors());
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpServerRequest request) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(err -> err.field() + " " + err.message())
                .collect(Collectors.joining("; "));
        return Problems.response(400, "validation", "Request is not valid", detail, request.path(), errors);
    }

    @ServerExceptionMapper({ InvalidFormatException.class })
    public Response badValue(InvalidFormatException e, HttpServerRequest request) {
        String field = pathOf(e);
        String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                ? " (one of " + Arrays.toString(e.getTargetType().getEnumConstants()) + ")"
                : "";
        String message = "has an invalid value '" + e.getValue() + "'" + allowed;
        return Problems.response(400, "validation", "Request is not valid", field + " " + message, request.path(),
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper({ ControlCharacterException.class })
    public Response controlCharacter(ControlCharacterException e, HttpServerRequest request) {
        String field = pathOf(e);
        String message = e.getOriginalMessage();
        return Problems.response(400, "validation", "Request is not valid", field + " " + message, request.path(),
                List.of(new Problem.FieldError(field, message)));
    }

    /** Named on its own: Quarkus's built-in mapper for this exact type answers an empty 400 otherwise. */
    @ServerExceptionMapper({ MismatchedInputException.class })
    public Response mismatched(MismatchedInputException e, HttpServerRequest request) {
        return badShape(e, request);
    }

    @ServerExceptionMapper({ JsonMappingException.class })
    public Response badShape(JsonMappingException e, HttpServerRequest request) {
        String field = pathOf(e);
        String message = "is missing or has the wrong type";
        return Problems.response(400, "validation", "Request is not valid", field + " " + message, request.path(),
                List.of(new Problem.FieldError(field, message)));
    }

    @ServerExceptionMapper({ JsonProcessingException.class })
    public Response malformed(JsonProcessingException e, HttpServerRequest request) {
        return Problems.response(400, "malformed-body", "Body is not valid JSON",
                "The request body could not be parsed as JSON", request.path());
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthorized(RuntimeException e, HttpServerRequest request) {
        return Problems.unauthorized("A valid bearer token is required", request.path());
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpServerRequest request) {
        return Problems.response(403, "forbidden", "Forbidden", "Your role does not allow this", request.path());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, HttpServerRequest request) {
        int status = e.getResponse().getStatus();
        // the JSON reader wraps some mapping failures: answer them as what they are, with their field
        if (status == 400 && e.getCause() instanceof ControlCharacterException cause) {
            return controlCharacter(cause, request);
        }
        if (status == 400 && e.getCause() instanceof JsonMappingException cause) {
            return badShape(cause, request);
        }
        if (status >= 500) {
            return unexpected(e, request);
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase()
                : "Request failed";
        return Problems.response(status, "http-" + status, title, e.getMessage(), request.path());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpServerRequest request) {
        if (clientHungUp(e, request)) {
            // nothing failed here and nobody reads the answer: an ERROR with a stack trace would page someone
            LOG.debugf("Client closed the connection during %s %s before its request was read", request.method(),
                    request.path());
            return Problems.response(400, "incomplete-request", "Incomplete request",
                    "The connection closed before the whole request arrived", request.path());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s %s", incident, request.method(), request.path());
        return Problems.response(500, "internal", "Internal error",
                "Something went wrong on our side; quote incident " + incident, request.path());
    }

    /**
     * Whether the request failed because its client closed the connection: this request's connection is closed
     * and a closed connection is among the causes (Vert.x's when the body stops arriving, NIO's when it had not
     * started).
     */
    private static boolean clientHungUp(Throwable e, HttpServerRequest request) {
        if (!request.response().closed()) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpClosedException || t instanceof ClosedChannelException) {
                return true;
            }
        }
        return false;
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.request.prompt" -> "prompt": drop the method and parameter names of the resource method
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    private static String pathOf(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
        return path.isEmpty() ? "body" : path;
    }
}
