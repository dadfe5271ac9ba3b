package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** A plain HTTP client of the gateway, the way a frontend or a firm's integration calls it. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    Api(String base) {
        this.base = base;
    }

    /** A response with its JSON body read (null when the body is not JSON). */
    record Reply(int status, HttpResponse<String> raw, JsonNode json) {
        Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        String etag() {
            return header("ETag").orElseThrow(() -> new AssertionError("no ETag on " + raw.uri()));
        }

        Reply expect(int wanted) {
            if (status != wanted) {
                throw new AssertionError(raw.request().method() + " " + raw.uri() + " answered " + status
                        + " instead of " + wanted + ": " + raw.body());
            }
            return this;
        }
    }

    Reply get(String path, String token) {
        return send(request(path, token).GET());
    }

    Reply get(String path, String token, String accept) {
        return send(request(path, token).header("Accept", accept).GET());
    }

    Reply post(String path, String token, Object body) {
        return send(withJson(request(path, token), "POST", body));
    }

    Reply post(String path, String token, Object body, String ifMatch) {
        return send(withJson(request(path, token).header("If-Match", ifMatch), "POST", body));
    }

    Reply put(String path, String token, Object body) {
        return send(withJson(request(path, token), "PUT", body));
    }

    Reply postText(String path, String token, String contentType, String body) {
        return send(request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Any method, with an optional body of the given type (raw bytes, as a fuzzer or a matrix sends them). */
    Reply send(String method, String path, String token, String contentType, byte[] body) {
        return send(method, path, token, contentType, body, null);
    }

    /** The same, with an If-Match header when {@code ifMatch} is not null. */
    Reply send(String method, String path, String token, String contentType, byte[] body, String ifMatch) {
        HttpRequest.Builder builder = request(path, token);
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.Builder withJson(HttpRequest.Builder builder, String method, Object body) {
        try {
            String json = body == null ? "{}" : body instanceof String s ? s : JSON.writeValueAsString(body);
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Reply send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !response.body().isBlank()) {
                try {
                    json = JSON.readTree(response.body());
                } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                    json = null;
                }
            }
            return new Reply(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
