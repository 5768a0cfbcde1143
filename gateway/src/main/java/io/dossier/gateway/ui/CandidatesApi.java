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

/** The search service's candidates queue, called with the signed-in editor's own access token. */
@RegisterRestClient(configKey = "search")
@AccessToken
@Path("/api/v1/candidates")
public interface CandidatesApi {

    @GET
    Page list(@QueryParam("type") String type, @QueryParam("language") String language,
            @QueryParam("minDocuments") Integer minDocuments, @QueryParam("trend") String trend,
            @QueryParam("from") Integer from, @QueryParam("size") Integer size);

    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    Decision accept(Decide decide);

    @POST
    @Path("reject")
    @Consumes(MediaType.APPLICATION_JSON)
    Decision reject(Decide decide);

    record Page(List<Candidate> candidates, Integer next) {
    }

    record Candidate(String key, String name, String type, long documents, long mentions, String firstSeen,
            String lastSeen, List<String> languages, List<Context> contexts, List<Variant> variants) {
    }

    record Context(String sourceId, String title, String collection, String text, int start, int end) {
    }

    record Variant(String entityId, String type, String primaryName, double score, String matchedName,
            String rule) {
    }

    record Decide(String name, String type, String entityId) {
    }

    record Decision(String key, String decision, String entityId) {
    }
}
