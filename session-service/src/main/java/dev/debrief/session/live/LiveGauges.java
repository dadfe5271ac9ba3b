package dev.debrief.session.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** The live push as an operator sees it: sockets open on this replica. */
@Startup
@ApplicationScoped
public class LiveGauges {

    public LiveGauges(LiveHub hub, MeterRegistry registry) {
        Gauge.builder("debrief.live.sockets.open", hub, LiveHub::openSockets)
                .description("WebSocket clients subscribed to a session feed on this replica")
                .register(registry);
    }
}
