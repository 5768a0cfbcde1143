package io.dossier.gateway.ui;

import java.net.URI;
import java.net.URLDecoder;
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
import org.eclipse.microprofile.rest.client.inject.RestClient;

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
    /** Values a facet lists before "more…". */
    static final int FACET_SHOWN = 10;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance search(String user, SearchState state, SearchView results, String error,
                Landing landing);

        static native TemplateInstance suggestions(List<SearchApi.Suggestion> entities);
    }

    /** Another query to try, and the link that runs it (with the same filters). */
    public record Suggested(String query, String href) {
    }

    /** A facet's first {@value #FACET_SHOWN} values, and the others behind "more…". */
    public record FacetView(String name, String label, List<FacetValue> values, List<FacetValue> more) {

        static FacetView of(String name, String label, List<FacetValue> all) {
            return new FacetView(name, label, all.subList(0, Math.min(FACET_SHOWN, all.size())),
                    all.size() > FACET_SHOWN ? all.subList(FACET_SHOWN, all.size()) : List.of());
        }

    }

    /**
     * What the search page shows before a search: the collections the user may read with their counts (each a link
     * to its documents), the newest documents among them, and the user's watches with their last matches.
     */
    public record Landing(long total, List<FacetValue> collections, List<Views.HitView> recent,
            List<WatchesPage.WatchView> watches) {
    }

    /** A filter in force, in words ("Actor: Kataib Hezbollah", "Published: Jan 2025"), with the link that lifts it. */
    public record ActiveFilterView(String label, String value, String removeUrl) {
    }

    public record FacetValue(String value, String label, long count, boolean active, String href) {
    }

    /** {@code interpretedAs} and {@code note}: how the query was read, when that is not as typed. */
    public record SearchView(List<ActiveFilterView> filters, long total, List<Views.HitView> hits, String nextUrl,
            List<FacetView> facets,
            Histogram dates, List<SearchApi.Expansion> expansions, String interpretedAs, String note,
            List<SearchApi.EntityMatch> entities, List<Suggested> suggested, List<String> hints) {
    }

    private final SearchClient search;
    private final WatchesApi watches;
    private final SecurityIdentity identity;
    private final RateLimiter limiter;
    private final AuditApi audit;

    public SearchPage(SearchClient search, @RestClient WatchesApi watches,
            SecurityIdentity identity, RateLimiter limiter, @RestClient AuditApi audit) {
        this.audit = audit;
        this.search = search;
        this.watches = watches;
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
            return Templates.search(user, state, null, null, landing());
        }
        if (state.q() != null && state.q().length() > MAX_QUERY) {
            return Templates.search(user, state, null, "A search can be at most 1,000 characters long; this one has "
                    + state.q().length() + ". Shorten it and search again.", null);
        }
        try {
            SearchApi.Results results = search.search(state.apiParams(PAGE_SIZE, "month"));
            return Templates.search(user, state, view(state, results), null, null);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 403) {
                throw new ProblemException(403, "Your roles do not allow searching");
            }
            return Templates.search(user, state, null, message(e), null);
        } catch (RuntimeException e) {
            Log.warnf("search service unreachable: %s", e.toString());
            return Templates.search(user, state, null, "Search is unavailable right now.", null);
        }
    }

    /**
     * The page before a search. Everything on it comes through the search service with the user's token, so it
     * counts and lists only what the user may read. Best effort: a part that cannot be had is left out.
     */
    private Landing landing() {
        long total = 0;
        List<FacetValue> collections = List.of();
        List<Views.HitView> recent = List.of();
        try {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("q", List.of("*"));
            params.put("sort", List.of("date"));
            params.put("size", List.of("8"));
            params.put("dateInterval", List.of("year"));
            SearchApi.Results all = search.search(params);
            total = all.total();
            recent = all.hits().stream().map(Views.HitView::of).toList();
            if (all.facets() != null && all.facets().collections() != null) {
                SearchState none = new SearchState("", false, "relevance", Map.of(), null);
                collections = all.facets().collections().stream().map(b -> new FacetValue(b.value(), b.value(),
                        b.count(), false, none.toggle("collection", b.value()))).toList();
            }
        } catch (RuntimeException e) {
            Log.debugf("the landing page's documents not shown: %s", e.getMessage());
        }
        List<WatchesPage.WatchView> mine = List.of();
        try {
            mine = watches.watches().stream().map(WatchesPage.WatchView::of).limit(10).toList();
        } catch (RuntimeException e) {
            Log.debugf("the landing page's watches not shown: %s", e.getMessage());
        }
        return new Landing(total, collections, recent, mine);
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
        var node = ServiceProblem.of(e);
        return node.hasNonNull("detail") ? node.get("detail").asText() : null;
    }

    private static SearchView view(SearchState state, SearchApi.Results results) {
        List<Views.HitView> hits = results.hits().stream().map(Views.HitView::of).toList();
        List<FacetView> facets = new ArrayList<>();
        SearchApi.Facets f = results.facets();
        if (f != null) {
            List<FacetValue> entities = f.entities().stream().map(b -> new FacetValue(b.id(), b.name() == null
                    ? b.id()
                    : b.name(), b.count(), state.has("entity", b.id()), state.toggle("entity", b.id()))).toList();
            facets.add(FacetView.of("entity", "Actors", entities));
            facets.add(facet(state, "type", "Actor types", f.entityTypes(), Labels::type));
            facets.add(facet(state, "publisher", "Publishers", f.publishers(), v -> v));
            facets.add(facet(state, "language", "Languages", f.languages(), Labels::language));
            facets.add(facet(state, "collection", "Collections", f.collections(), v -> v));
            facets.add(facet(state, "tag", "Tags", f.tags(), v -> v));
        }
        Histogram dates = f == null ? null : Histogram.of(f.dates(), results.total(), state::period);
        return new SearchView(filters(state, results), results.total(), hits,
                results.next() == null ? null : state.next(results.next()),
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

    private static FacetView facet(SearchState state, String name, String label, List<SearchApi.Bucket> buckets,
            java.util.function.UnaryOperator<String> words) {
        return FacetView.of(name, label, buckets == null
                ? List.of()
                : buckets.stream().map(b -> new FacetValue(b.value(), words.apply(b.value()), b.count(),
                        state.has(name, b.value()), state.toggle(name, b.value()))).toList());
    }

    /**
     * The filters in force, in words: an actor by its name (from the answer's facets or hits, which hold it whenever
     * a document matched), codes as words, a month or a year chosen on the histogram as one period.
     */
    static List<ActiveFilterView> filters(SearchState state, SearchApi.Results results) {
        Map<String, String> names = new java.util.HashMap<>();
        if (results != null) {
            if (results.facets() != null && results.facets().entities() != null) {
                results.facets().entities().forEach(b -> names.putIfAbsent(b.id(), b.name()));
            }
            results.hits().forEach(h -> {
                if (h.entities() != null) {
                    h.entities().forEach(e -> names.putIfAbsent(e.id(), e.name()));
                }
            });
        }
        List<ActiveFilterView> out = new ArrayList<>();
        String from = first(state, "publishedFrom");
        String to = first(state, "publishedTo");
        String period = Labels.period(from, to);
        for (SearchState.ActiveFilter f : state.active()) {
            String v = f.value();
            switch (f.name()) {
                case "entity" -> out.add(new ActiveFilterView("Actor", names.getOrDefault(v, "an actor not found "
                        + "in these results"), f.removeUrl()));
                case "type" -> out.add(new ActiveFilterView("Actor type", Labels.type(v), f.removeUrl()));
                case "publisher" -> out.add(new ActiveFilterView("Publisher", v, f.removeUrl()));
                case "language" -> out.add(new ActiveFilterView("Language", Labels.language(v), f.removeUrl()));
                case "collection" -> out.add(new ActiveFilterView("Collection", v, f.removeUrl()));
                case "tag" -> out.add(new ActiveFilterView("Tag", v, f.removeUrl()));
                case "publishedFrom" -> out.add(period != null
                        ? new ActiveFilterView("Published", period, state.withoutPeriod())
                        : new ActiveFilterView("Published from", Labels.day(v), f.removeUrl()));
                case "publishedTo" -> {
                    if (period == null) {
                        out.add(new ActiveFilterView("Published until", Labels.day(v), f.removeUrl()));
                    }
                }
                default -> out.add(new ActiveFilterView(f.name(), v, f.removeUrl()));
            }
        }
        return out;
    }

    private static String first(SearchState state, String name) {
        List<String> values = state.filters().get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    @GET
    @Path("search/suggest")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Entity typeahead (an HTML fragment for the search box)")
    @APIResponse(responseCode = "200", description = "The matching entities, as the combobox's options")
    public TemplateInstance suggest(@QueryParam("q") String q) {
        if (q == null || q.isBlank() || q.length() > 200) {
            return Templates.suggestions(List.of());
        }
        try {
            return Templates.suggestions(search.suggest(q.strip(), 8).entities());
        } catch (RuntimeException e) {
            return Templates.suggestions(List.of()); // typeahead is an aid: no suggestions rather than an error
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
        try {
            // an export takes documents out of the platform: none leaves unrecorded
            // the search as the analyst wrote it (decoded, so an Arabic query reads as Arabic), clipped to what
            // the trail keeps: a long query is still recorded, never refused
            String query = state.q() == null || state.q().isBlank() ? "(all documents)" : state.q();
            audit.record(new AuditApi.Event("EXPORT", "search", clip(query, 255), clip(kept.size() + " hits as "
                    + format + " for " + URLDecoder.decode(uri.getRequestUri().getRawQuery(), StandardCharsets.UTF_8),
                    2000)));
        } catch (WebApplicationException | jakarta.ws.rs.ProcessingException e) {
            throw new ProblemException(503, "The export could not be recorded in the audit trail; try again shortly");
        }
        String name = "dossier-search." + format;
        byte[] body = "csv".equals(format) ? csv(kept) : json(kept);
        return Response.ok(body, "csv".equals(format) ? "text/csv; charset=utf-8" : MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    /** At most {@code max} characters, never cutting a surrogate pair in two. */
    static String clip(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1;
        return text.substring(0, end) + "…";
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
