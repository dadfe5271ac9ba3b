package dev.debrief.session;

import dev.debrief.session.firm.FirmDirectory;
import dev.debrief.session.firm.FirmMember;
import dev.debrief.testsupport.TestTokens;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The firms' members in module tests, which run without a Keycloak: a test says who joins which firm with
 * which role. The Keycloak directory itself is tested against the real Keycloak in deploy/e2e (FirmMembershipIT).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestDirectory implements FirmDirectory {

    private static final Map<String, Map<String, FirmMember>> MEMBERS = new ConcurrentHashMap<>();

    /** Makes the user (by test username, so the id is {@link TestTokens#subjectOf}) a member of the firm. */
    public static String join(String firm, String username, String role) {
        String id = TestTokens.subjectOf(username);
        MEMBERS.computeIfAbsent(firm + "/" + role, k -> new ConcurrentHashMap<>())
                .put(id, new FirmMember(id, username, username));
        return id;
    }

    @Override
    public List<FirmMember> members(String firm, String role) {
        return List.copyOf(MEMBERS.getOrDefault(firm + "/" + role, Map.of()).values());
    }
}
