package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A source as the API shows it. */
public record SourceDto(UUID id, String collection, String title, String text, String url,
        OffsetDateTime publishedAt, String publisher, String contentType, String sha256, long size,
        SourceStatus status, String createdBy, OffsetDateTime createdAt, long version) {

    public static SourceDto of(Source s) {
        return new SourceDto(s.id, s.collection, s.title, s.text, s.url, s.publishedAt, s.publisher, s.contentType,
                s.sha256, s.size, s.status, s.createdBy, s.createdAt, s.version);
    }
}
