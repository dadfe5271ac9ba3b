package dev.debrief.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.debrief.e2e.OtlpReceiver.ReceivedSpan;
import dev.debrief.launcher.Stack;
import dev.debrief.launcher.StackConfig;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One answer is one trace: the real stack with OpenTelemetry on in all four apps, exporting over OTLP/HTTP to a
 * receiver in this JVM ({@link OtlpReceiver}); a candidate submits an answer through the gateway with a W3C
 * traceparent, and the span tree of that trace is followed from the WebSocket push of its score back up to the
 * caller: session-service's push, its storing of the score record, scoring-service's scoring of the answer record,
 * session-service's answer request, the gateway's, the caller.
 *
 * <p>The shared stack runs with tracing off (the default), so this test stops it if it runs and starts a stack of
 * its own on the same ports, in its own data directory, whose services read the tracing settings from a {@code .env}
 * file in their working directory; later tests start the shared stack again.
 */
class TraceIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldFollowOneAnswerInOneTraceFromTheGatewayThroughKafkaToTheWebSocketPushOfItsScore() throws Exception {
        SharedStack.stop();
        try (OtlpReceiver receiver = OtlpReceiver.start(); Stack stack = Stack.start(traced(receiver))) {
            int gatewayPort = stack.config().ports().gateway();
            Api api = new Api("http://localhost:" + gatewayPort);
            String uma = new RealKeycloak(stack.config().ports().keycloak()).userToken("uma");
            String questionId = api.get("/api/questions?category=BEHAVIORAL&size=1", uma).expect(200).json()
                    .path("items").path(0).path("id").asText();
            String sessionId = api.post("/api/sessions", uma, Map.of("mode", "SELF_PRACTICE",
                    "questions", List.of(Map.of("id", questionId)))).expect(201).json().path("id").asText();
            String path = "/api/sessions/" + sessionId;
            api.post(path + "/start", uma, null, api.get(path, uma).expect(200).etag()).expect(200);

            String traceId = hex(16);
            String callerSpan = hex(8);
            try (LiveFeed live = LiveFeed.open(gatewayPort, sessionId, uma)) {
                HttpResponse<String> answered = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://localhost:" + gatewayPort + path + "/questions/0/answer"))
                        .header("Authorization", "Bearer " + uma).header("Content-Type", "application/json")
                        .header("If-Match", api.get(path, uma).expect(200).etag())
                        .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                        .POST(HttpRequest.BodyPublishers.ofString(Api.JSON.writeValueAsString(
                                Interview.answerIn("FREE_TEXT")))).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answered.statusCode(), answered.body());
                JsonNode scored = live.ofType("answer-scored", 1, WAIT).get(0);
                assertFalse(scored.path("data").isMissingNode(), scored.toString());
            }

            ReceivedSpan push = awaitSpan(receiver, traceId, "session-service", "live push answer-scored");
            Map<String, ReceivedSpan> byId = receiver.inTrace(traceId).stream()
                    .collect(Collectors.toMap(ReceivedSpan::spanId, Function.identity(), (a, b) -> a));
            List<ReceivedSpan> chain = new ArrayList<>();
            for (ReceivedSpan span = push; span != null; span = byId.get(span.parentSpanId())) {
                chain.add(span);
            }
            String tree = chain.stream().map(s -> s.service() + " " + s.kind() + " '" + s.name() + "'")
                    .collect(Collectors.joining("\n  <- ", "  ", "\n  <- the caller's span " + callerSpan));
            System.out.println("[TraceIT] trace " + traceId + ", from the score's push up to the caller:\n" + tree);

            assertEquals(callerSpan, chain.get(chain.size() - 1).parentSpanId(),
                    "the trace goes up to the caller's span without a gap:\n" + tree);
            assertEquals(List.of("session-service", "scoring-service", "session-service", "gateway"), services(chain),
                    "push and score storing, scoring, the answer's request, the gateway:\n" + tree);
            assertTrue(has(chain, "session-service", "apply score event"), tree);
            assertTrue(has(chain, "scoring-service", "apply dev.debrief.session.answer-submitted"), tree);
            assertEquals("SERVER", chain.get(chain.size() - 1).kind(), "the gateway's server span is the first:\n" + tree);
            awaitSpan(receiver, traceId, "session-service", "live push answer-submitted");
        } finally {
            System.out.println("[TraceIT] traced stack stopped");
        }
    }

    /** The shared stack's settings, in a data directory of its own, with every app exporting to the receiver. */
    private static StackConfig traced(OtlpReceiver receiver) throws IOException {
        StackConfig shared = StackConfig.fromEnvironment().withInfraOnly(false);
        StackConfig config = shared.withHome(shared.home().resolveSibling(shared.home().getFileName() + "-traced"));
        String env = String.join("\n",
                "QUARKUS_OTEL_SDK_DISABLED=false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=" + receiver.endpoint(),
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/protobuf",
                "QUARKUS_OTEL_BSP_SCHEDULE_DELAY=200ms", "");
        // every session-service replica the e2e stack runs (DEBRIEF_SESSION_REPLICAS in the pom) has a directory of its own
        for (String service : List.of("question-service", "session-service", "session-service-2", "scoring-service",
                "gateway")) {
            Path dir = config.home().resolve("services").resolve(service);
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(".env"), env); // Quarkus reads .env in its working directory
        }
        return config;
    }

    private static ReceivedSpan awaitSpan(OtlpReceiver receiver, String traceId, String service, String name)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<ReceivedSpan> span = receiver.inTrace(traceId).stream()
                    .filter(s -> s.service().equals(service) && s.name().equals(name)).findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no span '" + name + "' of " + service + " in trace " + traceId + "; received: "
                + receiver.inTrace(traceId));
    }

    /** The services along the chain, a run of spans of one service counted once. */
    private static List<String> services(List<ReceivedSpan> chain) {
        List<String> services = new ArrayList<>();
        for (ReceivedSpan span : chain) {
            if (services.isEmpty() || !services.get(services.size() - 1).equals(span.service())) {
                services.add(span.service());
            }
        }
        return services;
    }

    private static boolean has(List<ReceivedSpan> chain, String service, String name) {
        return chain.stream().anyMatch(s -> s.service().equals(service) && s.name().equals(name));
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(b);
        b[0] |= 1; // never all zero
        return HexFormat.of().formatHex(b);
    }
}
