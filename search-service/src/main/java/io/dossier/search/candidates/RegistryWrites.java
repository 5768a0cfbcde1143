package io.dossier.search.candidates;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The registry's writes an accepted candidate makes, with the editor's own token: the entities service checks the
 * editor's role and records the editor as the author, as if the editor had written the entity there.
 */
@RegisterRestClient(configKey = "entities")
@Path("/api/v1/entities")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RegistryWrites {

    @POST
    Map<String, Object> create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, NewEntity entity);

    @POST
    @Path("{id}/names")
    Map<String, Object> addName(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String entityId, NewName name);

    record NewEntity(String type, String primaryName, List<NewName> names, List<String> tags) {
    }

    /** {@code lang} may be null; {@code kind} ALIAS. */
    record NewName(String value, String lang, String kind) {
    }
}
