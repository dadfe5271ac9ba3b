package dev.debrief.gateway;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The live session WebSocket works through the gateway, with the same token check and tenant header; an
 * upstream that cannot be reached is answered problem+json and counts towards its breaker.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class WebSocketTest {

    @TestHTTPResource("/api/sessions/s-42/live")
    URI live;

    @TestHTTPResource("/api/gone/s-7/live")
    URI gone;

    @Test
    void shouldCarryALiveSessionSocketToTheSessionService() throws Exception {
        var messages = new LinkedBlockingQueue<String>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.user("northwind", "candidate"))
                .header("X-Debrief-Tenant", "summit")
                .buildAsync(ws(live), collector(messages)).join();

        JsonObject seen = new JsonObject(next(messages));
        assertThat(seen.getString("upstream"), equalTo("session"));
        assertThat(seen.getString("path"), equalTo("/api/sessions/s-42/live"));
        assertThat(seen.getJsonObject("headers").getString("x-debrief-tenant"), equalTo("northwind"));

        socket.sendText("resume from 17", true).join();
        assertThat(next(messages), equalTo("echo:resume from 17"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void shouldAcceptTheTokenCarriedAsASubprotocolLikeABrowserSends() throws Exception {
        var messages = new LinkedBlockingQueue<String>();
        String carrier = "quarkus-http-upgrade#Authorization#Bearer%20" + Tokens.user("summit", "coach");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols("bearer-token-carrier", carrier)
                .buildAsync(ws(live), collector(messages)).join();
        JsonObject seen = new JsonObject(next(messages));
        assertThat(seen.getJsonObject("headers").getString("x-debrief-tenant"), equalTo("summit"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void shouldAcceptTheTokenAsAnAccessTokenQueryParameterLikeTheDocsOffer() throws Exception {
        var messages = new LinkedBlockingQueue<String>();
        URI withToken = URI.create(ws(live) + "?access_token=" + Tokens.user("summit", "candidate"));
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(withToken, collector(messages)).join();
        JsonObject seen = new JsonObject(next(messages));
        assertThat(seen.getJsonObject("headers").getString("x-debrief-tenant"), equalTo("summit"));
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    @Test
    void shouldRefuseAnAccessTokenQueryParameterThatIsNotAValidToken() {
        URI withToken = URI.create(ws(live) + "?access_token=not-a-token");
        var failure = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(withToken, collector(new LinkedBlockingQueue<>())).join());
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode(), equalTo(401));
    }

    @Test
    void shouldRefuseTheUpgradeWithoutAToken() {
        var failure = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(ws(live), collector(new LinkedBlockingQueue<>())).join());
        assertThat(failure.getCause(), instanceOf(WebSocketHandshakeException.class));
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode(), equalTo(401));
    }

    @Test
    void shouldRefuseTheUpgradeForARoleWithoutSessions() {
        var failure = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.user("northwind", "analyst"))
                .buildAsync(ws(live), collector(new LinkedBlockingQueue<>())).join());
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode(), equalTo(403));
    }

    @Test
    void shouldAnswerProblemJsonWhenTheUpstreamOfAnUpgradeCannotBeReached() {
        upgrade("/api/gone/s-1/live")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:debrief:problem:upstream-unavailable"))
                .body("detail", containsString("gone-service"))
                .body("instance", equalTo("/api/gone/s-1/live"));
    }

    @Test
    void shouldRefuseAWebSocketClientWith503WhenTheUpstreamIsDown() {
        var failure = assertThrows(CompletionException.class, () -> HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.user("northwind", "admin"))
                .buildAsync(ws(gone), collector(new LinkedBlockingQueue<>())).join());
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode(), equalTo(503));
    }

    @Test
    void shouldOpenTheBreakerAfterRepeatedFailedUpgrades() {
        // the profile opens a breaker after 3 consecutive failures
        for (int i = 0; i < 3; i++) {
            upgrade("/api/gone/s-" + i + "/live").then().statusCode(503);
        }
        upgrade("/api/gone/s-9/live")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", containsString("retry later"))
                .header("Retry-After", notNullValue());
    }

    private static io.restassured.response.Response upgrade(String path) {
        return given().auth().oauth2(Tokens.user("northwind", "admin"))
                .header("Connection", "Upgrade").header("Upgrade", "websocket")
                .header("Sec-WebSocket-Version", "13").header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .get(path);
    }

    private static URI ws(URI http) {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    private static String next(BlockingQueue<String> messages) throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        if (message == null) {
            throw new AssertionError("no WebSocket message arrived");
        }
        return message;
    }

    private static WebSocket.Listener collector(BlockingQueue<String> messages) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    messages.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
    }
}
