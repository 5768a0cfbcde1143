package io.dossier.gateway.ui;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.security.RateLimiter;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** The analysts' search page, rendered on the server: query, facets, date histogram, hits, paging and export. */
@Path("/")
@RolesAllowed("reader")
@Tag(name = "Web UI")
public class SearchPage {

    static final int PAGE_SIZE = 20;
    /** The longest search the search service takes. */
    static final int MAX_QUERY = 1000;
    /** Most hits one export carries. */
    static final int EXPORT_MAX = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String user, SearchState state, SearchView results, String error);

        static native TemplateInstance suggestions(String q, List<SearchApi.Suggestion> entities);
    }

    /** Another query to try, and the link that runs it (with the same filters). */
    public record Suggested(String query, String href) {
    }

    public record FacetView(String name, String label, List<FacetValue> values) {
    }

    public record FacetValue(String value, String label, long count, boolean active, String href) {
    }

    /** {@code interpretedAs} and {@code note}: how the query was read, when that is not as typed. */
    public record SearchView(long total, List<Views.HitView> hits, String nextUrl, List<FacetView> facets,
            Views.Histogram dates, List<SearchApi.Expansion> expansions, String interpretedAs, String note,
            List<SearchApi.EntityMatch> entities, List<Suggested> suggested, List<String> hints) {
    }

    private final SearchClient search;
    private final SecurityIdentity identity;
    private final RateLimiter limiter;

    public SearchPage(SearchClient search, SecurityIdentity identity, RateLimiter limiter) {
        this.search = search;
        this.identity = identity;
        this.limiter = limiter;
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
    @Operation(summary = "Search page (HTML)", description = "The whole search is in the URL: q, exact, sort, the filters (entity, type, publisher, language, collection, tag, publishedFrom, publishedTo) and the cursor.")
    @APIResponse(responseCode = "200", description = "The page, with results when a query or a filter is given")
    public TemplateInstance page(@Context UriInfo uri) {
        String user = identity.getPrincipal().getName();
        SearchState state = SearchState.of(uri.getQueryParameters());
        if (!state.hasQuery()) {
            return Templates.search(user, state, null, null);
        }
        if (state.q() != null && state.q().length() > MAX_QUERY) {
            return Templates.search(user, state, null, "A search can be at most 1,000 characters long; this one has "
                    + state.q().length() + ". Shorten it and search again.");
        }
        try {
            SearchApi.Results results = search.search(state.apiParams(PAGE_SIZE, "month"));
            return Templates.search(user, state, view(state, results), null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 403) {
                throw new ProblemException(403, "Your roles do not allow searching");
            }
            return Templates.search(user, state, null, message(e));
        } catch (RuntimeException e) {
            Log.warnf("search service unreachable: %s", e.toString());
            return Templates.search(user, state, null, "Search is unavailable right now.");
        }
    }

    static String message(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status == 400) {
            String detail = detail(e);
            return "This search could not be run" + (detail == null ? "; check its syntax." : ": " + detail);
        }
        if (status == 414 || status == 413) {
            return "This search is too long to be sent; shorten it and search again.";
        }
        return status == 403 ? "Your roles do not allow searching." : "Search is unavailable right now.";
    }

    /** The problem detail of a service's error answer, if it has one. */
    static String detail(WebApplicationException e) {
        try {
            String body = e.getResponse().readEntity(String.class);
            var node = new ObjectMapper().readTree(body);
            return node.hasNonNull("detail") ? node.get("detail").asText() : null;
        } catch (RuntimeException | java.io.IOException ex) {
            return null;
        }
    }

    private static SearchView view(SearchState state, SearchApi.Results results) {
        List<Views.HitView> hits = results.hits().stream().map(Views.HitView::of).toList();
        List<FacetView> facets = new ArrayList<>();
        SearchApi.Facets f = results.facets();
        if (f != null) {
            List<FacetValue> entities = f.entities().stream().map(b -> new FacetValue(b.id(), b.name() == null
                    ? b.id()
                    : b.name(), b.count(), state.has("entity", b.id()), state.toggle("entity", b.id()))).toList();
            facets.add(new FacetView("entity", "Entities", entities));
            facets.add(facet(state, "type", "Entity types", f.entityTypes()));
            facets.add(facet(state, "publisher", "Publishers", f.publishers()));
            facets.add(facet(state, "language", "Languages", f.languages()));
            facets.add(facet(state, "collection", "Collections", f.collections()));
            facets.add(facet(state, "tag", "Tags", f.tags()));
        }
        Views.Histogram dates = f == null ? null : Views.Histogram.of(f.dates(), state::period);
        return new SearchView(results.total(), hits, results.next() == null ? null : state.next(results.next()),
                facets.stream().filter(x -> !x.values().isEmpty()).toList(), dates,
                results.expansions() == null ? List.of() : results.expansions(),
                results.note() == null ? null : results.interpretedAs(), results.note(),
                results.entities() == null ? List.of() : results.entities(),
                results.suggestions() == null || results.suggestions().queries() == null
                        ? List.of()
                        : results.suggestions().queries().stream()
                                .map(q -> new Suggested(q, state.withQuery(q))).toList(),
                results.suggestions() == null || results.suggestions().hints() == null
                        ? List.of()
                        : results.suggestions().hints());
    }

    private static FacetView facet(SearchState state, String name, String label, List<SearchApi.Bucket> buckets) {
        return new FacetView(name, label, buckets == null
                ? List.of()
                : buckets.stream().map(b -> new FacetValue(
                        b.value(), b.value(), b.count(), state.has(name, b.value()), state.toggle(name, b.value())))
                        .toList());
    }

    @GET
    @Path("search/suggest")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Entity typeahead (an HTML fragment for the search box)")
    @APIResponse(responseCode = "200", description = "The matching entities, as links")
    public TemplateInstance suggest(@QueryParam("q") String q) {
        if (q == null || q.isBlank() || q.length() > 200) {
            return Templates.suggestions("", List.of());
        }
        try {
            return Templates.suggestions(q, search.suggest(q.strip(), 8).entities());
        } catch (RuntimeException e) {
            return Templates.suggestions(q, List.of()); // typeahead is an aid: no suggestions rather than an error
        }
    }

    @GET
    @Path("search/export")
    @Operation(summary = "Export a search", description = "The hits of the search in the URL (up to 1,000), as CSV or JSON.")
    @APIResponse(responseCode = "200", description = "The file")
    @APIResponse(responseCode = "400", description = "Unknown format or invalid search")
    public Response export(@QueryParam("format") String format, @Context UriInfo uri) {
        if (!"csv".equals(format) && !"json".equals(format)) {
            throw new ProblemException(400, "format must be csv or json");
        }
        SearchState state = SearchState.of(uri.getQueryParameters());
        List<SearchApi.Hit> hits = new ArrayList<>();
        String cursor = null;
        try {
            do {
                if (cursor != null) {
                    // every search an export makes counts against the caller's rate limit (the first one was
                    // counted with the request)
                    Response limited = limiter.check(identity.getPrincipal().getName());
                    if (limited != null) {
                        return limited;
                    }
                }
                SearchState page = new SearchState(state.q(), state.exact(), state.sort(), state.filters(), cursor);
                SearchApi.Results results = search.search(page.apiParams(100, "year"));
                hits.addAll(results.hits());
                cursor = results.next();
            } while (cursor != null && hits.size() < EXPORT_MAX);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            throw new ProblemException(status == 400 || status == 403 ? status : 503, message(e));
        } catch (RuntimeException e) {
            throw new ProblemException(503, "Search is unavailable right now; try again shortly");
        }
        List<SearchApi.Hit> kept = hits.subList(0, Math.min(hits.size(), EXPORT_MAX));
        String name = "dossier-search." + format;
        byte[] body = "csv".equals(format) ? csv(kept) : json(kept);
        return Response.ok(body, "csv".equals(format) ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    private static byte[] json(List<SearchApi.Hit> hits) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SearchApi.Hit h : hits) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", h.id());
            row.put("title", h.title());
            row.put("url", h.url());
            row.put("publisher", h.publisher());
            row.put("publishedAt", h.publishedAt());
            row.put("language", h.language());
            row.put("collection", h.collection());
            row.put("entities", h.entities());
            rows.add(row);
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(rows);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] csv(List<SearchApi.Hit> hits) {
        StringBuilder out = new StringBuilder("id,title,url,publisher,publishedAt,language,collection,entities\r\n");
        for (SearchApi.Hit h : hits) {
            String entities = h.entities() == null
                    ? ""
                    : String.join("; ", h.entities().stream()
                            .map(e -> e.name() == null ? e.id() : e.name()).toList());
            for (String cell : new String[]{h.id(), h.title(), h.url(), h.publisher(), h.publishedAt(), h.language(),
                    h.collection(), entities}) {
                out.append(cell(cell)).append(',');
            }
            out.setLength(out.length() - 1);
            out.append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A CSV cell, quoted; a cell a spreadsheet would take for a formula is defused with a leading apostrophe. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
