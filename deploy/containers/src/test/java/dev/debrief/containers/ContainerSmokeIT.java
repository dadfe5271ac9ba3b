package dev.debrief.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.debrief.launcher.Ports;
import dev.debrief.launcher.Stack;
import dev.debrief.launcher.StackConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The images run: loaded into podman and started by {@code podman kube play} from the rendered local overlay's
 * Deployments, against the launcher's real PostgreSQL, Kafka and Keycloak ({@code ./stack --infra-only}). A
 * candidate gets a token from Keycloak and, through the containerised gateway, practises one question, answers it,
 * and reads its automated score. Ports come from DEBRIEF_*_PORT like the end-to-end suite's.
 * Skipped (and reported so) where podman is not installed; .ci/run installs it.
 */
class ContainerSmokeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /**
     * For all four together. A service starts in about 10 s on a quiet machine; one took 194 s in its container on
     * this machine at a load average of 50 (eight builds on two cores), and a start that fails (a database connection
     * timing out) is retried by podman's restart policy, as Kubernetes would.
     */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(10);
    /** The first calls are slow: the gateway and services fetch Keycloak's keys and JIT-compile on a loaded machine. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private static Stack infrastructure;
    private static Podman podman;
    private static Path podFile;
    private static Map<String, Integer> servicePorts;

    @BeforeAll
    static void startContainers() throws Exception {
        assumeTrue(Podman.available(), "podman is not installed (apt-get install podman runc; .ci/run does)");
        Path images = Path.of(System.getProperty("debrief.images"));
        String tag = System.getProperty("debrief.image-tag");
        Path work = images.getParent().resolve("podman");
        podman = new Podman(work);

        infrastructure = Stack.start(StackConfig.fromEnvironment().withInfraOnly(true));
        Ports ports = infrastructure.config().ports();
        servicePorts = new LinkedHashMap<>();
        servicePorts.put("question-service", ports.question());
        servicePorts.put("session-service", ports.session());
        servicePorts.put("scoring-service", ports.scoring());
        servicePorts.put("gateway", ports.gateway());

        for (BuildImages.Service service : BuildImages.SERVICES) {
            podman.run("load", "-q", "-i", images.resolve(service.name() + ".tar").toString());
        }
        podFile = work.resolve("debrief-pods.yaml");
        Files.writeString(podFile, PodManifests.forPodman(
                PodManifests.render(infrastructure.config().repoRoot()), ports, tag, servicePorts, work));
        podman.exec("kube", "down", podFile.toString()); // a run interrupted before its clean-up
        podman.run("kube", "play", podFile.toString());
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (Map.Entry<String, Integer> service : servicePorts.entrySet()) {
            awaitReady(service.getKey(), service.getValue(), deadline);
        }
    }

    @AfterAll
    static void stopContainers() throws IOException {
        if (podman != null && podFile != null) {
            Path logs = podFile.getParent().resolve("logs");
            Files.createDirectories(logs);
            for (String service : servicePorts.keySet()) {
                Files.writeString(logs.resolve(service + ".log"), podman.exec("logs", container(service)));
            }
            podman.exec("kube", "down", podFile.toString());
        }
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void shouldScoreAnAnswerGivenThroughTheContainerisedGateway() throws Exception {
        String gateway = "http://localhost:" + servicePorts.get("gateway");
        String token = token("uma");

        JsonNode page = call("GET", gateway + "/api/questions?category=BEHAVIORAL&size=1", token, null, null, 200).json;
        String questionId = page.path("items").path(0).path("id").asText();
        String session = gateway + "/api/sessions/" + call("POST", gateway + "/api/sessions", token,
                Map.of("mode", "SELF_PRACTICE", "questions", List.of(Map.of("id", questionId))), null, 201).json.path("id").asText();
        call("POST", session + "/start", token, null, etag(session, token), 200);
        call("POST", session + "/questions/0/answer", token, Map.of("text", """
                The situation: our recommendations row lost 8% of clicks after a redesign. I framed one primary metric, \
                weekly viewing hours, with cancellations as a guardrail, and set the bar before looking. I checked the \
                data first: duplicates and test accounts explained half the drop. A two-week holdout showed hours up \
                2.3% with cancellations flat, so we kept it. The lesson: decide the bar before the result arrives."""),
                etag(session, token), 200);

        JsonNode scores = awaitScores(gateway, session.substring(session.lastIndexOf('/') + 1), token);
        assertEquals(1, scores.size(), scores.toString());
        assertTrue(scores.path(0).path("dimensions").size() > 0, "scored on the rubric's dimensions: " + scores);
        // scored, so ONNX Runtime is loaded: from the image's files, none copied into the pod's memory-backed /tmp
        try (var files = Files.walk(podFile.getParent().resolve("tmp").resolve("scoring-service"))) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().startsWith("libonnxruntime")).toList(),
                    "ONNX Runtime's libraries written into /tmp");
        }
        recordMemory();
        // every service has started and scored by now (Lucene mapped its index, ONNX Runtime loaded its library)
        for (String service : servicePorts.keySet()) {
            String log = podman.exec("logs", container(service));
            assertFalse(log.contains("restricted method"), service + " uses native access its jar does not grant "
                    + "(Enable-Native-Access, root pom); a later JDK refuses it:\n" + log.lines()
                    .filter(l -> l.contains("restricted method")).toList());
        }
    }

    /** scoring-service knows a session once its events have come through Kafka: until then it answers 404. */
    private static JsonNode awaitScores(String gateway, String sessionId, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        String last;
        do {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway + "/api/scores?sessionId=" + sessionId))
                    .header("Authorization", "Bearer " + token).timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && JSON.readTree(response.body()).size() > 0) {
                return JSON.readTree(response.body());
            }
            assertTrue(response.statusCode() == 200 || response.statusCode() == 404, last);
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("no score within 180 s for session " + sessionId + ": " + last);
    }

    /** Each container's resident memory after the run, for the manifests' requests (target/podman/rss.properties). */
    private static void recordMemory() throws IOException {
        StringBuilder rss = new StringBuilder();
        for (String service : servicePorts.keySet()) {
            String pid = podman.exec("inspect", "--format", "{{.State.Pid}}", container(service)).strip();
            Path status = Path.of("/proc", pid, "status");
            if (Files.isReadable(status)) {
                Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                        .forEach(l -> rss.append(service).append('.').append(l.replaceAll("\\s+", " ")).append('\n'));
            }
        }
        Files.writeString(podFile.getParent().resolve("rss.properties"), rss);
        System.out.print(rss);
    }

    /** The name podman's kube play gives a service's container (pod "<service>-pod-0", container "<service>"). */
    private static String container(String service) {
        return service + "-pod-0-" + service;
    }

    private static void awaitReady(String service, int port, long deadline) throws InterruptedException {
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(1000);
        }
        throw new AssertionError(service + " in its container was not ready on :" + port + " within " + START_TIMEOUT
                + " (" + last + "):\n" + podman.exec("logs", "--tail", "40", container(service)));
    }

    private static String token(String user) throws Exception {
        String form = "grant_type=password&client_id=debrief-web&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + infrastructure.config().ports().keycloak() + "/realms/debrief/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("access_token").asText();
    }

    private static String etag(String session, String token) throws Exception {
        return call("GET", session, token, null, null, 200).response.headers().firstValue("ETag").orElseThrow();
    }

    private record Reply(HttpResponse<String> response, JsonNode json) {
    }

    private static Reply call(String method, String url, String token, Object body, String ifMatch, int expected) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, response.statusCode(), method + " " + url + ": " + response.body());
        return new Reply(response, response.body().isBlank() ? null : JSON.readTree(response.body()));
    }
}
