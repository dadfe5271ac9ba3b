package dev.debrief.question;

import dev.debrief.kit.problem.ProblemMappers;
import dev.debrief.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static dev.debrief.question.Catalog.as;
import static dev.debrief.question.Catalog.firm;
import static dev.debrief.question.Catalog.question;
import static dev.debrief.question.Catalog.slug;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The service kit's bound on requests in progress, on a real service: past it a request is answered 503
 * problem+json with Retry-After and changes nothing, probes still answer, and a slot comes back when its request
 * ends or its client hangs up. Two POSTs whose bodies never finish hold the bound of two (InFlightBoundOfTwo).
 */
@QuarkusTest
@TestProfile(InFlightBoundOfTwo.class)
class OverloadTest {

    @TestHTTPResource("/")
    URL server;

    @Test
    void shouldShedPastTheBoundChangeNothingAndRecoverWhenTheHeldRequestsEnd() throws IOException {
        String f = firm();
        try (Socket first = heldPost(f); Socket second = heldPost(f)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> as("candidate", f).get("/api/questions").statusCode() == 503);

            as("candidate", f).get("/api/questions").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "1")
                    .body("type", equalTo("urn:debrief:problem:overloaded"))
                    .body("status", equalTo(503))
                    .body("detail", containsString("bound of 2 requests in progress"));
            as("coach", f).body(question(slug("shed"))).post("/api/questions").then().statusCode(503);
            given().get("/q/health/live").then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> as("candidate", f).get("/api/questions").statusCode() == 200);
        // finished requests give their slots back: more in a row than the bound, every one answered
        for (int i = 0; i < 5; i++) {
            as("coach", f).get("/api/questions?scope=firm").then().statusCode(200).body("total", equalTo(0));
        }
    }

    /** A client that hangs up mid-body is no server error: logged at DEBUG, never ERROR with a stack trace. */
    @Test
    void shouldLogAClientHangingUpMidBodyAsNoServerError() throws IOException {
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger mappers = java.util.logging.Logger.getLogger(ProblemMappers.class.getName());
        mappers.addHandler(capture);
        try {
            try (Socket held = heldPost(firm())) {
                // hang up only once its body is being read: a request closed before it is routed never reaches the mappers
                await().atMost(Duration.ofSeconds(20)).until(OverloadTest::aWorkerReadsABody);
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> logged.stream()
                    .anyMatch(r -> r.getMessage().startsWith("Client closed the connection during")));
            assertTrue(logged.stream().noneMatch(r -> r.getLevel().intValue() >= Level.WARNING.intValue()),
                    () -> "logged as a failure: " + logged.stream().map(LogRecord::getMessage).toList());
        } finally {
            mappers.removeHandler(capture);
        }
    }

    /** Whether a worker waits for the rest of a request body (the service runs in this JVM). */
    private static boolean aWorkerReadsABody() {
        return Thread.getAllStackTraces().values().stream().flatMap(Arrays::stream)
                .anyMatch(frame -> frame.getClassName().startsWith("org.jboss.resteasy.reactive.server.vertx.VertxInputStream")
                        && frame.getMethodName().equals("readBlocking"));
    }

    /** A creation whose headers are sent and whose body never ends: in progress until the socket closes. */
    private Socket heldPost(String tenant) throws IOException {
        Socket socket = new Socket(server.getHost(), server.getPort());
        String head = "POST /api/questions HTTP/1.1\r\nHost: " + server.getHost() + "\r\n"
                + "Authorization: Bearer " + TestTokens.token("coach-" + tenant, tenant, "coach") + "\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"slug\": ";
        OutputStream out = socket.getOutputStream();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
