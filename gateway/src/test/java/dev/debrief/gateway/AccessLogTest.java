package dev.debrief.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

/** One access log line per API request, with status, time, client, firm and request id; never the token. */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class AccessLogTest {

    private static final Logger ACCESS = Logger.getLogger("dev.debrief.gateway.access");

    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        ACCESS.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        ACCESS.removeHandler(capture);
    }

    @Test
    void shouldLogAForwardedRequestWithItsClientFirmAndRequestIdButNotTheToken() throws InterruptedException {
        String requestId = "log-" + UUID.randomUUID();
        String token = Tokens.client("northwind-reports", Tokens.firms("northwind"), "analyst");
        given().auth().oauth2(token).header("X-Request-Id", requestId).get("/api/questions/q-1")
                .then().statusCode(200);

        String line = lineFor(requestId);
        assertThat(line, matchesPattern("GET /api/questions/q-1 200 \\d+\\.\\d{3}ms client=northwind-reports "
                + "tenant=northwind request=" + requestId));
        assertThat(line, not(containsString(token)));
    }

    @Test
    void shouldLogARefusalWithoutACaller() throws InterruptedException {
        String requestId = "log-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).get("/api/sessions").then().statusCode(401);

        assertThat(lineFor(requestId), matchesPattern("GET /api/sessions 401 \\d+\\.\\d{3}ms client=- tenant=- "
                + "request=" + requestId));
    }

    /** The line is written once the response has ended, which may be just after the client has it. */
    private String lineFor(String requestId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null && line.endsWith("request=" + requestId)) {
                return line;
            }
        }
        throw new AssertionError("no access log line for request " + requestId);
    }
}
