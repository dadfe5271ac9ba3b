package dev.debrief.session.firm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/**
 * The three calls of Keycloak's admin REST API the directory makes, with session-service's service account
 * (realm-management roles {@code view-organizations} and {@code view-users}, nothing else).
 */
@Path("/admin/realms/{realm}")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakAdminApi {

    @GET
    @Path("/organizations")
    List<Organization> organizations(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("realm") String realm,
            @QueryParam("briefRepresentation") boolean brief, @QueryParam("first") int first, @QueryParam("max") int max);

    @GET
    @Path("/organizations/{org}/members")
    List<User> members(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("realm") String realm,
            @PathParam("org") String organizationId, @QueryParam("first") int first, @QueryParam("max") int max);

    @GET
    @Path("/users/{user}/role-mappings/realm/composite")
    List<Role> realmRoles(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("realm") String realm,
            @PathParam("user") String userId);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Organization(String id, String alias, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(String id, String username, String firstName, String lastName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Role(String name) {
    }
}
