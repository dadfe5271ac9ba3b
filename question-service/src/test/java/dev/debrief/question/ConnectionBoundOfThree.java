package dev.debrief.question;

import dev.debrief.testsupport.RealInfra;

import java.util.Map;

/** RealInfra with room for three open connections, so a test can fill the bound with three idle sockets. */
public class ConnectionBoundOfThree extends RealInfra {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("debrief.http.max-connections", "3");
    }
}
