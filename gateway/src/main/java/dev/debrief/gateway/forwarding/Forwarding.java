package dev.debrief.gateway.forwarding;

import dev.debrief.gateway.resilience.Upstream;
import io.vertx.ext.web.RoutingContext;

/** Sends a request on to its upstream: a WebSocket upgrade through a tunnel, anything else as HTTP. */
public final class Forwarding {

    private Forwarding() {
    }

    public static void forward(RoutingContext rc, Upstream upstream) {
        if (WebSocketTunnel.isUpgrade(rc.request())) {
            WebSocketTunnel.open(rc, upstream);
        } else {
            HttpForwarder.forward(rc, upstream);
        }
    }
}
