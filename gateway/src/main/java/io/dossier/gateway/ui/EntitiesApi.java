package io.dossier.gateway.ui;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The entities service (registry and relations), called with the logged-in user's own access token. */
@RegisterRestClient(configKey = "entities")
@AccessToken
@Path("/api/v1")
public interface EntitiesApi {

    @GET
    @Path("entities/{id}")
    Entity entity(@PathParam("id") String id);

    /** The entities with these ids (up to 100), merged ones left out. */
    @GET
    @Path("entities")
    EntityList entities(@QueryParam("id") List<String> ids, @QueryParam("size") int size);

    @GET
    @Path("relations")
    List<Relation> relations(@QueryParam("entity") String entity, @QueryParam("size") int size);

    @POST
    @Path("entities/{id}/names")
    @Consumes(MediaType.APPLICATION_JSON)
    Entity addName(@PathParam("id") String id, NewName name);

    @POST
    @Path("relations")
    @Consumes(MediaType.APPLICATION_JSON)
    Relation addRelation(NewRelation relation);

    @POST
    @Path("entities/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    Entity merge(@PathParam("id") String id, @jakarta.ws.rs.HeaderParam("If-Match") String ifMatch, Merge merge);

    /** The merges into an entity, newest first. */
    @GET
    @Path("entities/{id}/merges")
    List<MergeRecord> merges(@PathParam("id") String id);

    @POST
    @Path("entities/{id}/merges/{mergeId}/undo")
    Entity undoMerge(@PathParam("id") String id, @PathParam("mergeId") String mergeId);

    record MergeRecord(String id, String mergedId, String mergedName, String mergedType, String mergedBy,
            String mergedAt, String undoneBy, String undoneAt) {
    }

    record NewRelation(String subjectId, String objectId, String type, String startDate, String endDate,
            List<Citation> citations) {
    }

    record Merge(String from) {
    }

    record Entity(String id, String type, String primaryName, String description, List<Name> names,
            Map<String, List<String>> attributes, List<ExternalId> externalIds, List<String> tags, String mergedInto,
            String updatedAt, long version) {
    }

    record EntityList(List<Entity> entities) {
    }

    record Name(String value, String lang, String kind) {
    }

    record ExternalId(String scheme, String value) {
    }

    record Relation(String id, String subjectId, String objectId, String type, String startDate, String endDate,
            List<Citation> citations) {
    }

    record Citation(String sourceId, String quote) {
    }

    record NewName(String value, String lang, String kind) {
    }
}
