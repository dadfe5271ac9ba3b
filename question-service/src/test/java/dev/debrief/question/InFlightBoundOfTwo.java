package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;

import java.util.Map;

/** RealInfra with room for two requests in progress, so a test can fill the bound with two held requests. */
public class InFlightBoundOfTwo extends RealInfra {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("debrief.http.max-in-flight", "2");
    }
}
