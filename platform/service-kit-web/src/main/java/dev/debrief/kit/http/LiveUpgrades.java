package dev.debrief.kit.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/** The suite's WebSocket endpoints all end in {@code /live} (session-service's live session, through the gateway). */
public final class LiveUpgrades {

    private LiveUpgrades() {
    }

    /** A WebSocket upgrade to a live endpoint. */
    public static boolean isLiveUpgrade(HttpServerRequest request) {
        return request.path().endsWith("/live") && "websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE));
    }
}
