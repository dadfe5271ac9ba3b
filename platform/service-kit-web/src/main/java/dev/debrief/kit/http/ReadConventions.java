package dev.debrief.kit.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.kit.problem.Problem;
import dev.debrief.kit.problem.Problems;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The conventions every read shares, in one place rather than in each resource:
 * <ul>
 * <li>a list answered as a JSON array is paged by {@code page} (from 0) and {@code size} (1 to 500) when the
 * caller asks (without them the whole list, as before), with {@code X-Total-Count} and RFC 8288 {@code Link};
 * <li>every successful GET has an ETag (the resource's own version when it sets one, otherwise a hash of the
 * body), and {@code If-None-Match} naming it answers 304 with no body.
 * </ul>
 * A resource that pages itself (the question catalog) sets its own Link and X-Total-Count; it is left alone.
 */
public class ReadConventions {

    static final int MAX_SIZE = 500;
    private static final String TOTAL = "X-Total-Count";

    private final ObjectMapper mapper;

    public ReadConventions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @ServerRequestFilter
    public Optional<Response> checkPaging(ContainerRequestContext request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return Optional.empty();
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        String page = query.getFirst("page");
        String size = query.getFirst("size");
        if (page != null && number(page, 0, Integer.MAX_VALUE) == null) {
            return Optional.of(badParameter(request, "query.page", "must be a whole number from 0"));
        }
        if (size != null && number(size, 1, MAX_SIZE) == null) {
            return Optional.of(badParameter(request, "query.size", "must be a whole number from 1 to " + MAX_SIZE));
        }
        return Optional.empty();
    }

    @ServerResponseFilter
    public void pageAndTag(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        if (response.getEntity() instanceof List<?> list && !response.getHeaders().containsKey(TOTAL)) {
            page(request, response, list);
        }
        String etag = response.getHeaderString(HttpHeaders.ETAG);
        if (etag == null) {
            byte[] body = body(response);
            if (body == null) {
                return;
            }
            etag = "W/\"" + hash(body) + "\"";
            response.getHeaders().putSingle(HttpHeaders.ETAG, etag);
        }
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), etag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        }
    }

    private static void page(ContainerRequestContext request, ContainerResponseContext response, List<?> list) {
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        response.getHeaders().putSingle(TOTAL, list.size());
        if (query.getFirst("page") == null && query.getFirst("size") == null) {
            return;
        }
        int page = Optional.ofNullable(number(query.getFirst("page"), 0, Integer.MAX_VALUE)).orElse(0);
        int size = Optional.ofNullable(number(query.getFirst("size"), 1, MAX_SIZE)).orElse(100);
        long from = Math.min((long) page * size, list.size());
        long to = Math.min(from + size, list.size());
        response.setEntity(list.subList((int) from, (int) to));
        response.getHeaders().putSingle("Link", PageLinks.header(request.getUriInfo().getRequestUri(), page, size,
                list.size()));
    }

    /** The body as it will be sent; a serialized JSON body replaces the entity so it is not serialized twice. */
    private byte[] body(ContainerResponseContext response) {
        Object entity = response.getEntity();
        if (entity instanceof byte[] bytes) {
            return bytes;
        }
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        MediaType type = response.getMediaType();
        if (type != null && !type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
            return null;
        }
        try {
            byte[] json = mapper.writeValueAsBytes(entity);
            response.setEntity(json, null, MediaType.APPLICATION_JSON_TYPE);
            return json;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Weak comparison (RFC 9110 13.1.2): a W/ prefix does not matter, * matches any. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String current = opaque(etag);
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(current)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        String t = tag.startsWith("W/") ? tag.substring(2) : tag;
        return t.replace("\"", "");
    }

    private static String hash(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static Integer number(String value, int min, int max) {
        if (value == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n < min || n > max ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Response badParameter(ContainerRequestContext request, String field, String message) {
        return Problems.response(400, "validation", "Request is not valid", field + ": " + message,
                request.getUriInfo().getPath(), List.of(new Problem.FieldError(field, message)));
    }
}
