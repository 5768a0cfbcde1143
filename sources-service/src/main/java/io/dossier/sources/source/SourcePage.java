package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A page of sources, newest first, without their texts. */
public record SourcePage(List<Summary> sources, int page, int size, long total) {

    public record Summary(UUID id, String collection, String title, List<String> authors, String url,
            OffsetDateTime publishedAt, String publisher, String language, String contentType, long size,
            SourceStatus status, String statusReason, List<String> tags, OffsetDateTime createdAt, long version) {

        static Summary of(Source s) {
            return new Summary(s.id, s.collection, s.title, List.copyOf(s.authors), s.url, s.publishedAt, s.publisher,
                    s.language, s.contentType, s.size, s.status, s.statusReason, List.copyOf(s.tags), s.createdAt,
                    s.version);
        }
    }
}
