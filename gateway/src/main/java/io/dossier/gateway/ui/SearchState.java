package io.dossier.gateway.ui;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Everything a search page shows, as its URL holds it: the query, the filters, the sort and the page. A search is
 * shareable and bookmarkable because nothing of it lives anywhere else.
 */
public record SearchState(String q, boolean exact, String sort, Map<String, List<String>> filters, String cursor) {

    /** Filter parameters, in the order the page lists them: the search API's own names. */
    static final List<String> FILTERS = List.of("entity", "type", "publisher", "language", "collection", "tag",
            "publishedFrom", "publishedTo");

    static SearchState of(MultivaluedMap<String, String> query) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String name : FILTERS) {
            List<String> values = query.get(name);
            if (values != null) {
                List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).limit(20).toList();
                if (!kept.isEmpty()) {
                    filters.put(name, kept);
                }
            }
        }
        String q = query.getFirst("q");
        String sort = "date".equals(query.getFirst("sort")) ? "date" : "relevance";
        return new SearchState(q == null ? "" : q.strip(), "true".equals(query.getFirst("exact")), sort, filters,
                query.getFirst("cursor"));
    }

    public boolean hasQuery() {
        return !q.isBlank() || !filters.isEmpty();
    }

    /** The parameters for the search API (a query of * when only filters are set). */
    Map<String, List<String>> apiParams(int size, String interval) {
        Map<String, List<String>> params = new LinkedHashMap<>(filters);
        params.put("q", List.of(q.isBlank() ? "*" : q));
        params.put("size", List.of(Integer.toString(size)));
        params.put("sort", List.of(sort));
        params.put("dateInterval", List.of(interval));
        if (exact) {
            params.put("exact", List.of("true"));
        }
        if (cursor != null && !cursor.isBlank()) {
            params.put("cursor", List.of(cursor));
        }
        return params;
    }

    public boolean has(String name, String value) {
        return filters.getOrDefault(name, List.of()).contains(value);
    }

    /** This search's URL (first page) on {@code path}. */
    public String url(String path) {
        return path + "?" + query(q, exact, sort, filters, null);
    }

    /** The search with one filter value added, or removed when it is there: a facet's link. */
    public String toggle(String name, String value) {
        Map<String, List<String>> next = new LinkedHashMap<>(filters);
        List<String> values = new ArrayList<>(next.getOrDefault(name, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        if (values.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, values);
        }
        return "/search?" + query(q, exact, sort, next, null);
    }

    /** The search restricted to one period (a histogram bar's link): from its start to the day before the next. */
    public String period(String from, String to) {
        Map<String, List<String>> next = new LinkedHashMap<>(filters);
        next.put("publishedFrom", List.of(from));
        next.put("publishedTo", List.of(to));
        return "/search?" + query(q, exact, sort, next, null);
    }

    /** The search without its period (both dates). */
    public String withoutPeriod() {
        Map<String, List<String>> next = new LinkedHashMap<>(filters);
        next.remove("publishedFrom");
        next.remove("publishedTo");
        return "/search?" + query(q, exact, sort, next, null);
    }

    /**
     * A result's link to its document, as a query string: the search (its words marked in the document) and the way
     * back to this page of results.
     */
    public String readingQuery() {
        return "q=" + encode(q) + (exact ? "&exact=true" : "") + "&back="
                + encode("/search?" + query(q, exact, sort, filters, cursor));
    }

    /** The same for a preview (its "open the full page" link keeps the way back too). */
    public String previewQuery() {
        return readingQuery();
    }

    /** The next page. */
    public String next(String nextCursor) {
        return "/search?" + query(q, exact, sort, filters, nextCursor);
    }

    /** Another query with this search's filters and order. */
    public String withQuery(String other) {
        return "/search?" + query(other, exact, sort, filters, null);
    }

    /** This search sorted otherwise. */
    public String sortedBy(String by) {
        return "/search?" + query(q, exact, by, filters, null);
    }

    /** The form that watches this search (its query and filters; not its sort or page). */
    public String watchUrl() {
        return "/watches/new?" + query(q, exact, "relevance", filters, null);
    }

    /** The export of this search in a format. */
    public String export(String format) {
        return "/search/export?format=" + format + "&" + query(q, exact, sort, filters, null);
    }

    /** The active filters, each with the link that removes it. */
    public List<ActiveFilter> active() {
        List<ActiveFilter> out = new ArrayList<>();
        filters.forEach((name, values) -> values.forEach(v -> out.add(new ActiveFilter(name, v, toggle(name, v)))));
        return out;
    }

    public record ActiveFilter(String name, String value, String removeUrl) {
    }

    private static String query(String q, boolean exact, String sort, Map<String, List<String>> filters,
            String cursor) {
        StringBuilder out = new StringBuilder("q=").append(encode(q));
        if (exact) {
            out.append("&exact=true");
        }
        if (!"relevance".equals(sort)) {
            out.append("&sort=").append(encode(sort));
        }
        filters.forEach((name, values) -> values.forEach(v -> out.append('&').append(name).append('=')
                .append(encode(v))));
        if (cursor != null) {
            out.append("&cursor=").append(encode(cursor));
        }
        return out.toString();
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
