package io.dossier.search.query;

import java.util.List;

/** Documents like one document: sharing its distinctive words and the entities it mentions; best first. */
public record SimilarDocuments(String documentId, List<SearchResults.Hit> hits) {
}
