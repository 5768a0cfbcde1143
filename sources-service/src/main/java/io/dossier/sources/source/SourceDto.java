package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A source as the API shows it. */
public record SourceDto(UUID id, String collection, String title, List<String> authors, String text, String url,
        OffsetDateTime publishedAt, String publisher, String language, String contentType, String originalName,
        String sha256, long size, SourceStatus status, String statusReason, List<String> tags, String createdBy,
        OffsetDateTime createdAt, long version) {

    public static SourceDto of(Source s) {
        return new SourceDto(s.id, s.collection, s.title, List.copyOf(s.authors), s.text, s.url, s.publishedAt,
                s.publisher, s.language, s.contentType, s.originalName, s.sha256, s.size, s.status, s.statusReason,
                List.copyOf(s.tags), s.createdBy, s.createdAt, s.version);
    }
}
