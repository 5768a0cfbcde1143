package io.dossier.search.watch;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/**
 * A user's roles as Keycloak holds them now (the realm's, composites expanded), asked with this service's own token
 * (its service account may view users): e-mail is sent with the owner's roles at the moment of sending.
 */
@RegisterRestClient(configKey = "keycloak")
@OidcClientFilter
@Path("/admin/realms/dossier/users")
@Produces(MediaType.APPLICATION_JSON)
public interface KeycloakUsers {

    @GET
    @Path("/{id}/role-mappings/realm/composite")
    List<Role> realmRoles(@PathParam("id") String userId);

    record Role(String name) {
    }

    @GET
    @Path("/{id}")
    Account account(@PathParam("id") String userId);

    /** What of a user matters here: whether the account may sign in. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record Account(boolean enabled) {
    }
}
