package dev.debrief.session;

import java.util.Map;

/** SessionInfra with the OpenTelemetry SDK on (it is off unless a collector is configured). */
public class SessionTracingOn extends SessionInfra {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false");
    }
}
