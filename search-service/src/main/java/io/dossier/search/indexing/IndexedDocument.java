package io.dossier.search.indexing;

/** A source as stored in the documents index; dates are ISO-8601 strings. */
public record IndexedDocument(String id, String collection, String title, String text, String url, String publisher,
        String publishedAt, String createdAt) {
}
