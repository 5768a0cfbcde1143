package io.dossier.gateway.ui;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The sources service, called with the logged-in user's own access token: the pages' copy of what they read. */
@RegisterRestClient(configKey = "sources")
@AccessToken
@Path("/api/v1/sources")
public interface SourcesApi {

    /** Those of the sources asked for that the user may read (the others are left out). */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    Found lookup(Lookup request);

    /** Tags added and removed (analysts and above). */
    @POST
    @Path("{id}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    Tagged changeTags(@PathParam("id") String id, TagChange change);

    record Tagged(String id, List<String> tags) {
    }

    record TagChange(List<String> add, List<String> remove) {
    }

    record Lookup(List<String> ids) {
    }

    record Found(List<Summary> sources) {
    }

    record Summary(String id, String title, String collection, String publishedAt, List<String> tags) {
    }
}
