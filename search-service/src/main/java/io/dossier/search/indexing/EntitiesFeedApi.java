package io.dossier.search.indexing;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** The entities service's registry change feed, read with this service's own client-credentials token. */
@RegisterRestClient(configKey = "entities")
@OidcClientFilter
@Path("/api/v1/entities/changes")
interface EntitiesFeedApi {

    @GET
    Page changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

    /** Our copy of what we read from the feed (we never share DTO classes with the entities service). */
    record Page(List<Entry> changes, long next, long head) {
    }

    /** {@code entity} is the entity's current state: null once deleted; naming the survivor once merged. */
    record Entry(long seq, String operation, String entityId, Entity entity) {
    }

    record Entity(String id, String type, String primaryName, String description, List<Name> names,
            List<String> tags, String mergedInto) {
    }

    record Name(String value, String lang, String kind) {
    }
}
