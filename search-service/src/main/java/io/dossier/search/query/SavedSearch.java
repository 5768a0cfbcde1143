package io.dossier.search.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.dossier.common.problem.ProblemException;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

/**
 * A search kept to be run again on every new document (a watch): the same parse, the same analysed query, the same
 * filters and the same registry names as {@code GET /api/v1/search} with these parameters, without the caller's
 * collection filter (which is applied when a match is shown, with the reader's roles of that moment).
 */
public final class SavedSearch {

    private SavedSearch() {
    }

    /** The search API's filters, as a watch keeps them. */
    public record Filters(List<String> entity, List<String> type, List<String> publisher, List<String> language,
            List<String> collection, List<String> tag, LocalDate publishedFrom, LocalDate publishedTo,
            boolean exact) {

        public static final Filters NONE = new Filters(List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), null, null, false);

        public Filters {
            entity = entity == null ? List.of() : List.copyOf(entity);
            type = type == null ? List.of() : List.copyOf(type);
            publisher = publisher == null ? List.of() : List.copyOf(publisher);
            language = language == null ? List.of() : List.copyOf(language);
            collection = collection == null ? List.of() : List.copyOf(collection);
            tag = tag == null ? List.of() : List.copyOf(tag);
        }

        boolean any() {
            return !entity.isEmpty() || !type.isEmpty() || !publisher.isEmpty() || !language.isEmpty()
                    || !collection.isEmpty() || !tag.isEmpty() || publishedFrom != null || publishedTo != null;
        }
    }

    /** A registry entity named by the words at [start, end) of the query, with what the search shows for it. */
    public record Alias(int start, int end, String entityId, String surface, String primaryName) {
    }

    /**
     * The query as the search API reads it with {@code syntax=strict}; a 400 in the search's own words for a query
     * that is not valid syntax or has nothing to look for (a watch of everything needs at least one filter).
     */
    public static ParsedQuery parse(String q, Filters filters) {
        if (q == null || q.isBlank()) {
            throw new ProblemException(400, "give something to search");
        }
        if (q.length() > QuerySyntax.MAX_LENGTH) {
            throw new ProblemException(400, "a search can be at most 1,000 characters long");
        }
        if (q.strip().equals("*")) {
            if (!filters.any()) {
                throw new ProblemException(400, "'*' alone would watch every document: add a filter (an entity, "
                        + "a collection, a publisher …) or words");
            }
            return null;
        }
        ParsedQuery parsed;
        try {
            parsed = QuerySyntax.parse(q, true);
        } catch (QuerySyntaxException e) {
            throw new ProblemException(400, e.getMessage());
        }
        if (parsed.isEmpty()) {
            throw new ProblemException(400, "There are no words to search in this query.");
        }
        return parsed;
    }

    /** The Elasticsearch query the search would run for these parameters, for every collection. */
    public static Query query(String q, Filters filters, List<Alias> aliases) {
        ParsedQuery parsed = parse(q, filters);
        List<DocumentQuery.Alias> named = new ArrayList<>();
        for (Alias a : aliases) {
            named.add(new DocumentQuery.Alias(a.start(), a.end(), a.entityId()));
        }
        Query words = parsed == null
                ? null
                : DocumentQuery.of(parsed.tree(), DocumentQuery.Fields.ANALYSED, filters.exact(), named);
        SearchParams p = new SearchParams(q, filters.exact(), true, filters.entity(), filters.type(),
                filters.publisher(), filters.language(), filters.collection(), filters.tag(), filters.publishedFrom(),
                filters.publishedTo(), "relevance", "Month", null, 0, 1);
        List<Query> filter = SearchService.filters(p, null);
        Query text = words == null ? Query.of(x -> x.matchAll(m -> m)) : words;
        return Query.of(x -> x.bool(b -> b.must(text).filter(filter)));
    }
}
