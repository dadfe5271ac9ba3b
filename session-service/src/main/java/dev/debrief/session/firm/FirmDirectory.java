package dev.debrief.session.firm;

import java.util.List;

/**
 * Who belongs to a coaching firm, by realm role. In production Keycloak's organizations answer it
 * ({@link KeycloakFirmDirectory}); module tests, which run without a Keycloak, bring their own.
 */
public interface FirmDirectory {

    /** The firm's members holding the realm role, possibly none; an unknown firm has none. */
    List<FirmMember> members(String firm, String role);
}
