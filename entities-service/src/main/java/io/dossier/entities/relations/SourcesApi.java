package io.dossier.entities.relations;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/**
 * The sources service, called with the caller's own access token: what it answers is what the caller may see. Our
 * own copy of the little we read (ids and collections of sources, a source's text).
 */
@RegisterRestClient(configKey = "sources")
@AccessToken
@Path("/api/v1/sources")
interface SourcesApi {

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Found lookup(Lookup request);

    @GET
    @Path("{id}/text")
    @Produces(MediaType.TEXT_PLAIN)
    String text(@PathParam("id") UUID id);

    record Lookup(List<UUID> ids) {
    }

    record Found(List<Summary> sources) {
    }

    record Summary(UUID id, String collection, String title) {
    }
}
