package io.dossier.gateway.ui;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The analysts' search page, rendered on the server. */
@Path("/")
@Authenticated
@Tag(name = "Web UI")
public class SearchPage {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String user, String q, SearchView results, String error);
    }

    /** What the template shows of one hit; {@code titleHtml} and {@code snippets} are escaped by the search service. */
    public record HitView(String id, String title, String titleHtml, String url, String publisher, String publishedAt,
            List<String> snippets) {
    }

    public record SearchView(long total, List<HitView> hits) {
    }

    private final SearchClient search;
    private final SecurityIdentity identity;

    public SearchPage(SearchClient search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Home: the search page")
    @APIResponse(responseCode = "303", description = "To /search")
    public Response home() {
        return Response.seeOther(URI.create("/search")).build();
    }

    @GET
    @Path("search")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Search page (HTML)")
    @APIResponse(responseCode = "200", description = "The page, with results when q is given")
    public TemplateInstance page(@QueryParam("q") String q) {
        String user = identity.getPrincipal().getName();
        if (q == null || q.isBlank()) {
            return Templates.search(user, "", null, null);
        }
        try {
            SearchApi.Results results = search.search(q.strip(), PAGE_SIZE);
            List<HitView> hits = results.hits().stream().map(SearchPage::view).toList();
            return Templates.search(user, q, new SearchView(results.total(), hits), null);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            String error = status == 400
                    ? "This query could not be run; check its syntax."
                    : status == 403 ? "Your roles do not allow searching." : "Search is unavailable right now.";
            return Templates.search(user, q, null, error);
        } catch (RuntimeException e) {
            Log.warnf("search service unreachable: %s", e.toString());
            return Templates.search(user, q, null, "Search is unavailable right now.");
        }
    }

    private static HitView view(SearchApi.Hit hit) {
        var highlights = hit.highlights() == null ? java.util.Map.<String, List<String>>of() : hit.highlights();
        List<String> title = highlights.getOrDefault("title", List.of());
        return new HitView(hit.id(), hit.title(), title.isEmpty() ? null : title.get(0), hit.url(), hit.publisher(),
                hit.publishedAt(), highlights.getOrDefault("text", List.of()));
    }
}
