package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;

import java.util.Map;

/**
 * RealInfra with room for two requests in progress, so a test can fill the bound with two held requests; the
 * problem mappers log at DEBUG, so a test can see how a client's hang-up was logged.
 */
public class InFlightBoundOfTwo extends RealInfra {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("debrief.http.max-in-flight", "2",
                "quarkus.log.category.\"dev.debrief.kit.problem\".level", "DEBUG");
    }
}
