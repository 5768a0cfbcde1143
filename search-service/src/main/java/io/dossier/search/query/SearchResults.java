package io.dossier.search.query;

import java.util.List;
import java.util.Map;

/** A page of search results. Highlights are HTML-escaped text in which only {@code <mark>} tags are markup. */
public record SearchResults(long total, List<Hit> hits) {

    public record Hit(String id, String title, String url, String publisher, String publishedAt, String collection,
            double score, Map<String, List<String>> highlights) {
    }
}
