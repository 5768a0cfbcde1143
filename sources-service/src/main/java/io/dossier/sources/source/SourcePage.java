package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A page of sources, newest first, without their texts. */
public record SourcePage(List<Summary> sources, int page, int size, long total) {

    public record Summary(UUID id, String collection, String title, String url, OffsetDateTime publishedAt,
            String publisher, String contentType, long size, SourceStatus status, OffsetDateTime createdAt,
            long version) {

        static Summary of(Source s) {
            return new Summary(s.id, s.collection, s.title, s.url, s.publishedAt, s.publisher, s.contentType, s.size,
                    s.status, s.createdAt, s.version);
        }
    }
}
