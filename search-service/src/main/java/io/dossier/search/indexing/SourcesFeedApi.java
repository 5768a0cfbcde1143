package io.dossier.search.indexing;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

/** The sources service's change feed, read with this service's own client-credentials token. */
@RegisterRestClient(configKey = "sources")
@OidcClientFilter
@Path("/api/v1/sources/changes")
interface SourcesFeedApi {

    @GET
    Page changes(@QueryParam("after") long after, @QueryParam("limit") int limit);

    /** Our copy of what we read from the feed (we never share DTO classes with the sources service). */
    record Page(List<Entry> changes, long next, long head) {
    }

    record Entry(long seq, String operation, String sourceId, String collection, String occurredAt, Source source,
            List<Note> notes) {
    }

    /** An analyst's note on the passage [start, end) of the source's text. */
    record Note(String id, int start, int end, String quote, String text, String author, String createdAt,
            String updatedBy, String updatedAt) {

        /** Notes as the index keeps them (their entities are found once the document is linked). */
        static List<IndexedDocument.IndexedNote> indexed(List<Note> notes) {
            return notes == null
                    ? List.of()
                    : notes.stream().map(n -> new IndexedDocument.IndexedNote(n.id(), n.start(), n.end(), n.quote(),
                            n.text(), n.author(), n.createdAt(), n.updatedBy(), n.updatedAt(), List.of())).toList();
        }
    }

    record Source(String id, String collection, String title, List<String> authors, String text, String url,
            String publisher, String publishedAt, String language, List<String> tags, String status,
            String createdAt) {
    }
}
