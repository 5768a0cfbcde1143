package io.dossier.search.candidates;

/**
 * What the queue lists: of a type, in documents of a language or a collection, found in at least
 * {@code minDocuments} documents; {@code newOnly}: first seen within the last seven days, newest first.
 */
record CandidateFilter(String type, String language, String collection, int minDocuments, boolean newOnly, int from,
        int size) {
}
