package dev.debrief.session.firm;

import dev.debrief.session.identity.ServiceIdentity;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Firms are Keycloak organizations (alias = the token's {@code organization} claim). The members holding a
 * realm role are the organization's members whose effective realm roles include it. Called with
 * session-service's own identity; the results are cached by {@link FirmMembers}.
 */
@ApplicationScoped
@Timeout(value = 5, unit = java.time.temporal.ChronoUnit.SECONDS)
public class KeycloakFirmDirectory implements FirmDirectory {

    private static final int PAGE = 500;

    private final ServiceIdentity identity;
    private final KeycloakAdminApi api;
    private final String realm;

    public KeycloakFirmDirectory(ServiceIdentity identity,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.identity = identity;
        // https://host/realms/debrief → base https://host, realm debrief
        int at = authServerUrl.indexOf("/realms/");
        this.realm = authServerUrl.substring(at + "/realms/".length()).replaceAll("/+$", "");
        this.api = QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(authServerUrl.substring(0, at)))
                .connectTimeout(2, TimeUnit.SECONDS).readTimeout(4, TimeUnit.SECONDS).build(KeycloakAdminApi.class);
    }

    @Override
    public List<FirmMember> members(String firm, String role) {
        String bearer = identity.bearer();
        String organization = null;
        for (int first = 0; organization == null; first += PAGE) {
            List<KeycloakAdminApi.Organization> page = api.organizations(bearer, realm, true, first, PAGE);
            organization = page.stream().filter(o -> firm.equals(o.alias())).map(KeycloakAdminApi.Organization::id)
                    .findFirst().orElse(null);
            if (page.size() < PAGE) {
                break;
            }
        }
        if (organization == null) {
            return List.of();
        }
        List<FirmMember> members = new ArrayList<>();
        for (int first = 0;; first += PAGE) {
            List<KeycloakAdminApi.User> page = api.members(bearer, realm, organization, first, PAGE);
            for (KeycloakAdminApi.User user : page) {
                if (api.realmRoles(bearer, realm, user.id()).stream().anyMatch(r -> role.equals(r.name()))) {
                    members.add(new FirmMember(user.id(), user.username(), name(user)));
                }
            }
            if (page.size() < PAGE) {
                return members;
            }
        }
    }

    private static String name(KeycloakAdminApi.User user) {
        String name = ((user.firstName() == null ? "" : user.firstName()) + " "
                + (user.lastName() == null ? "" : user.lastName())).trim();
        return name.isEmpty() ? user.username() : name;
    }
}
