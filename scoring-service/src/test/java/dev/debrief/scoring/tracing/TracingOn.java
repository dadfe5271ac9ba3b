package dev.debrief.scoring.tracing;

import dev.debrief.testsupport.RealInfra;

import java.util.Map;

/** RealInfra with the OpenTelemetry SDK on (it is off unless a collector is configured). */
public class TracingOn extends RealInfra {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.sdk.disabled", "false");
    }
}
