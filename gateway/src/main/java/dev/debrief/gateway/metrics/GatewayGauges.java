package dev.debrief.gateway.metrics;

import dev.debrief.gateway.resilience.Upstream;
import dev.debrief.gateway.resilience.Upstreams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/** The gateway's own breakers: 1 while an upstream's breaker is open (requests refused at once), else 0. */
@Startup
@ApplicationScoped
public class GatewayGauges {

    public GatewayGauges(Upstreams upstreams, MeterRegistry registry) {
        for (Upstream upstream : upstreams.all()) {
            Gauge.builder("debrief.gateway.breaker.open", upstream, u -> u.breaker().isOpen() ? 1 : 0)
                    .description("1 while the gateway's circuit breaker to this upstream is open")
                    .tag("upstream", upstream.name())
                    .tag("replica", upstream.base().toString())
                    .register(registry);
        }
    }
}
