package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * One candidate of the fault-injection load: runs whole self-practice Netflix Data PM loops through the gateway,
 * one after another until told to stop, each with a {@link ResumingFeed} open. It behaves like a careful client:
 * every POST carries an Idempotency-Key and the ETag read before it; a call cut off by a fault (no answer, 5xx,
 * 429, 401 on an expired token, 409 while the first try still counts as running) is tried again with the same
 * key, after checking whether the first try did take effect. An answer counts as submitted only once the API
 * accepted it.
 */
final class LoadCandidate implements Runnable {

    /**
     * HTTP/1.1, as a browser speaks to an http:// address. (Java's default, HTTP/2 over cleartext, made the gateway
     * drop every POST /api/sessions of one connection at once, without an answer: see docs/reliability.md.)
     */
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    /** A person's pace between steps; it also keeps two candidates of one user well inside the per-user rate limit. */
    private static final long PACE_MILLIS = 2_000;
    private static final Set<Integer> TRY_AGAIN = Set.of(0, 401, 409, 412, 429, 500, 502, 503, 504);
    /** How long one step may keep failing before the load gives up on it: far beyond any fault's length. */
    private static final Duration STEP_DEADLINE = Duration.ofMinutes(4);

    private final String base;
    private final int gatewayPort;
    private final Supplier<String> token;
    private final AtomicBoolean stop;
    private final List<String> problems;
    private final List<ResumingFeed> feeds = new CopyOnWriteArrayList<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger retries = new AtomicInteger();

    LoadCandidate(int gatewayPort, Supplier<String> token, AtomicBoolean stop, List<String> problems) {
        this.base = "http://localhost:" + gatewayPort;
        this.gatewayPort = gatewayPort;
        this.token = token;
        this.stop = stop;
        this.problems = problems;
    }

    @Override
    public void run() {
        try {
            while (!stop.get()) {
                runOneLoop();
            }
        } catch (RuntimeException | AssertionError e) {
            problems.add("a load candidate stopped: " + e);
        }
    }

    int submitted() {
        return submitted.get();
    }

    int retries() {
        return retries.get();
    }

    List<ResumingFeed> feeds() {
        return List.copyOf(feeds);
    }

    private void runOneLoop() {
        String sessionId = create();
        String path = "/api/sessions/" + sessionId;
        feeds.add(ResumingFeed.open(gatewayPort, sessionId, token));
        post(path + "/start", null, () -> !"SCHEDULED".equals(session(path).path("status").asText()));
        JsonNode questions = session(path).path("questions");
        for (int index = 0; index < questions.size(); index++) {
            int i = index;
            String answer = path + "/questions/" + i + "/answer";
            post(answer, Interview.answerIn(questions.get(i).path("answerFormat").asText()),
                    () -> get(answer).path("submitted").asBoolean());
            submitted.incrementAndGet();
            if (i < questions.size() - 1) {
                post(path + "/next", null, () -> session(path).path("currentQuestion").asInt() > i);
            } else {
                post(path + "/complete", null, () -> "COMPLETED".equals(session(path).path("status").asText()));
            }
        }
    }

    /** A retried creation carries the same key: the replayed 201 names the session the first try created. */
    private String create() {
        Reply reply = postUntilAccepted("/api/sessions", Map.of("mode", "SELF_PRACTICE", "loop", "netflix-data-pm"),
                null, () -> false);
        return reply.json().path("id").asText();
    }

    /** Reads the session's ETag, then POSTs until the API accepts, or the step turns out to have been done. */
    private void post(String path, Object body, BooleanSupplier done) {
        String sessionPath = path.substring(0, path.indexOf('/', "/api/sessions/".length()));
        postUntilAccepted(path, body, sessionPath, done);
    }

    private Reply postUntilAccepted(String path, Object body, String etagOf, BooleanSupplier done) {
        String key = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        boolean tried = false;
        Reply last = null;
        long backoff = 200;
        while (System.nanoTime() < deadline) {
            if (tried && isDone(done)) {
                return last;
            }
            String etag = etagOf == null ? null : etag(etagOf);
            if (etagOf == null || etag != null) {
                last = send("POST", path, body, etag, key);
                tried = true;
                if (last.status() >= 200 && last.status() < 300) {
                    pause(PACE_MILLIS);
                    return last;
                }
                if (!TRY_AGAIN.contains(last.status())) {
                    throw new AssertionError("POST " + path + " answered " + last.status() + ": " + last.body());
                }
            }
            retries.incrementAndGet();
            pause(backoff);
            backoff = Math.min(backoff * 2, 3_000);
        }
        throw new AssertionError("POST " + path + " was not accepted within " + STEP_DEADLINE + "; last answer "
                + (last == null ? "none" : last.status() + " " + last.body()));
    }

    private boolean isDone(BooleanSupplier done) {
        try {
            return done.getAsBoolean();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private JsonNode session(String path) {
        return get(path);
    }

    /**
     * A read that must succeed for the step to go on. A client reads again after a 503 or a dropped connection,
     * as a browser's page would (a GET is safe to repeat): the CI run met a 503 while PostgreSQL restarted.
     */
    private JsonNode get(String path) {
        long deadline = System.nanoTime() + STEP_DEADLINE.toNanos();
        long backoff = 200;
        while (true) {
            Reply reply = send("GET", path, null, null, null);
            if (reply.status() == 200 && reply.json() != null) {
                return reply.json();
            }
            if (!TRY_AGAIN.contains(reply.status()) || System.nanoTime() > deadline) {
                throw new IllegalStateException("GET " + path + " answered " + reply.status());
            }
            retries.incrementAndGet();
            pause(backoff);
            backoff = Math.min(backoff * 2, 3_000);
        }
    }

    private String etag(String sessionPath) {
        Reply reply = send("GET", sessionPath, null, null, null);
        return reply.status() == 200 ? reply.etag() : null;
    }

    record Reply(int status, String body, JsonNode json, String etag) {
    }

    private Reply send(String method, String path, Object body, String ifMatch, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                    .header("Authorization", "Bearer " + token.get());
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            if (key != null) {
                request.header("Idempotency-Key", key);
            }
            if ("POST".equals(method)) {
                request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        body == null ? "{}" : Api.JSON.writeValueAsString(body)));
            } else {
                request.GET();
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !response.body().isBlank()) {
                json = Api.JSON.readTree(response.body());
            }
            return new Reply(response.statusCode(), response.body(), json, response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            return new Reply(0, e.toString(), null, null); // no answer: the fault cut the call off
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
