package dev.debrief.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.kit.problem.Problems;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on POST: the first request with a key is carried out and its answer kept for a day;
 * the same key from the same caller with the same body gets that answer again (with
 * {@code Idempotent-Replayed: true}) and nothing is done twice; with a different body it is 422; while the
 * first is still running, 409. Answers of 500 and above are not kept, so a retry runs again. Keys are per
 * caller (the token's principal), so one caller cannot read another's answers.
 */
public class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = IdempotencyKeys.class.getName() + ".claim";
    private static final int MAX_KEY = 255;

    private final IdempotencyStore store;
    private final CurrentIdentityAssociation identity;
    private final ObjectMapper mapper;

    public IdempotencyKeys(IdempotencyStore store, CurrentIdentityAssociation identity, ObjectMapper mapper) {
        this.store = store;
        this.identity = identity;
        this.mapper = mapper;
    }

    /** Runs on the endpoint's worker thread (every resource here is blocking), after the body was read. */
    @ServerRequestFilter
    public Optional<Response> claim(ContainerRequestContext request) {
        String key = request.getHeaderString(HEADER);
        if (key == null || !HttpMethod.POST.equals(request.getMethod())) {
            return Optional.empty();
        }
        String path = request.getUriInfo().getPath();
        if (key.isBlank() || key.length() > MAX_KEY) {
            return Optional.of(Problems.response(400, "validation", "Request is not valid",
                    "header.Idempotency-Key: must be 1 to " + MAX_KEY + " characters", path));
        }
        String caller = caller();
        if (caller == null) {
            return Optional.empty(); // the endpoint answers 401
        }
        byte[] body = readBody(request);
        String fingerprint = fingerprint(request.getMethod(), path, body);
        Optional<IdempotencyStore.Stored> earlier = store.claim(caller, key, fingerprint);
        if (earlier.isEmpty()) {
            request.setProperty(CLAIM, new IdempotencyStore.Claim(caller, key));
            return Optional.empty();
        }
        IdempotencyStore.Stored stored = earlier.get();
        if (!stored.fingerprint().equals(fingerprint)) {
            return Optional.of(Problems.response(422, "idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key " + key + " was used with a different request; use a new key for a new request",
                    path));
        }
        if (stored.status() == null) {
            return Optional.of(Problems.response(409, "idempotency-key-in-progress", "Request in progress",
                    "The first request with Idempotency-Key " + key + " is still running; retry in a moment", path));
        }
        Response.ResponseBuilder replay = Response.status(stored.status()).header(REPLAYED, "true");
        if (stored.body() != null) {
            replay.entity(stored.body()).type(stored.contentType());
        }
        stored.headers().forEach(replay::header);
        return Optional.of(replay.build());
    }

    @ServerResponseFilter
    public void keep(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof IdempotencyStore.Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claim);
            return;
        }
        byte[] body = null;
        String contentType = null;
        if (response.hasEntity()) {
            body = serialized(response);
            contentType = response.getMediaType() == null ? MediaType.APPLICATION_JSON : response.getMediaType().toString();
        }
        store.complete(claim, response.getStatus(), contentType, body,
                header(response, HttpHeaders.LOCATION), header(response, HttpHeaders.ETAG));
        response.getHeaders().putSingle(REPLAYED, "false");
    }

    private byte[] serialized(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            byte[] json = mapper.writeValueAsBytes(entity);
            MediaType type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
            response.setEntity(json, null, type);
            return json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot keep the answer of an idempotent request", e);
        }
    }

    private static String header(ContainerResponseContext response, String name) {
        Object value = response.getHeaders().getFirst(name);
        if (value == null) {
            return null;
        }
        return value instanceof jakarta.ws.rs.core.EntityTag tag ? (tag.isWeak() ? "W/" : "") + "\"" + tag.getValue() + "\""
                : value.toString();
    }

    private String caller() {
        try {
            SecurityIdentity who = identity.getIdentity();
            return who == null || who.isAnonymous() ? null : who.getPrincipal().getName();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static byte[] readBody(ContainerRequestContext request) {
        if (!request.hasEntity()) {
            return new byte[0];
        }
        try {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String fingerprint(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
