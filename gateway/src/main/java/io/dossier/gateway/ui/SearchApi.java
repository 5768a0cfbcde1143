package io.dossier.gateway.ui;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The search service, called with the logged-in user's own access token. */
@RegisterRestClient(configKey = "search")
@AccessToken
@Path("/api/v1/search")
interface SearchApi {

    @GET
    Results search(@QueryParam("q") String q, @QueryParam("size") int size);

    /** Our copy of what the search service answers. Highlights are escaped HTML with {@code <mark>} tags. */
    record Results(long total, List<Hit> hits) {
    }

    record Hit(String id, String title, String url, String publisher, String publishedAt, String collection,
            Map<String, List<String>> highlights) {
    }
}
