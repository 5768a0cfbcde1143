package io.dossier.gateway.ui;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The platform's audit trail, at the search service, called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "search")
@AccessToken
@Path("/api/v1/audit")
public interface AuditApi {

    @GET
    Page trail(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("targetId") String targetId,
            @QueryParam("collection") String collection, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("size") int size);

    /** Records what the gateway's pages do that no service sees: roles changed, a search exported. */
    @POST
    @Path("events")
    @Consumes(MediaType.APPLICATION_JSON)
    void record(Event event);

    record Event(String action, String targetType, String targetId, String summary) {
    }

    record Page(List<Entry> events, String next) {
    }

    record Entry(String id, String occurredAt, String service, String actor, String action, String targetType,
            String targetId, String collection, String summary, String traceId) {
    }
}
