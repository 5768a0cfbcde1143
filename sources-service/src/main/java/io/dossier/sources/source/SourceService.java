package io.dossier.sources.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.common.problem.ProblemException;
import io.dossier.sources.feed.ChangeFeed;
import io.dossier.sources.feed.ChangeOperation;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SourceService {

    public static final String DEFAULT_COLLECTION = "open";

    private final SourceRepository sources;
    private final ChangeFeed feed;

    public SourceService(SourceRepository sources, ChangeFeed feed) {
        this.sources = sources;
        this.feed = feed;
    }

    /** The outcome of an ingest: the stored source, and whether it was already there (same content). */
    public record Ingested(SourceDto source, boolean duplicate) {
    }

    /**
     * Stores a source and records it on the change feed in one transaction. Idempotent on the SHA-256 of the text:
     * the same content again returns the source already stored.
     */
    @Transactional
    public Ingested create(CreateSourceRequest request, String createdBy) {
        // Serializes writers, so the duplicate check below sees every committed source and the feed commits in
        // sequence order (a consumer reading after=N never misses a lower seq that commits later).
        feed.lock();
        byte[] content = request.text().getBytes(StandardCharsets.UTF_8);
        String sha256 = sha256(content);
        Optional<Source> existing = sources.findBySha256(sha256);
        if (existing.isPresent()) {
            return new Ingested(SourceDto.of(existing.get()), true);
        }
        Source source = new Source();
        source.id = UUID.randomUUID();
        source.collection = request.collection() == null ? DEFAULT_COLLECTION : request.collection();
        source.title = request.title().strip();
        source.text = request.text();
        source.url = request.url();
        source.publishedAt = request.publishedAt();
        source.publisher = request.publisher();
        source.contentType = "text/plain";
        source.sha256 = sha256;
        source.size = content.length;
        source.status = SourceStatus.EXTRACTED;
        source.createdBy = createdBy;
        source.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        sources.persistAndFlush(source);
        feed.record(source.id, source.collection, ChangeOperation.CREATED);
        return new Ingested(SourceDto.of(source), false);
    }

    /**
     * Changes a source's metadata if {@code expectedVersion} is still its version (optimistic locking through
     * If-Match; null for any version), and records the update on the feed. An edit that changes nothing writes
     * nothing.
     */
    @Transactional
    public SourceDto update(UUID id, Long expectedVersion, UpdateSourceRequest request) {
        feed.lock();
        Source source = sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No source " + id));
        if (expectedVersion != null && source.version != expectedVersion) {
            throw new ProblemException(412, "Source " + id + " changed since version " + expectedVersion
                    + " (now " + source.version + "); read it again and retry");
        }
        SourceDto before = SourceDto.of(source);
        if (request.title() != null) {
            source.title = request.title().strip();
        }
        if (request.url() != null) {
            source.url = request.url();
        }
        if (request.publishedAt() != null) {
            source.publishedAt = request.publishedAt();
        }
        if (request.publisher() != null) {
            source.publisher = request.publisher();
        }
        if (request.collection() != null) {
            source.collection = request.collection();
        }
        if (SourceDto.of(source).equals(before)) {
            return before;
        }
        sources.flush(); // bumps the version
        feed.record(source.id, source.collection, ChangeOperation.UPDATED);
        return SourceDto.of(source);
    }

    /** Deletes a source; the feed keeps a tombstone so every index drops it too. */
    @Transactional
    public void delete(UUID id, Long expectedVersion) {
        feed.lock();
        Source source = sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No source " + id));
        if (expectedVersion != null && source.version != expectedVersion) {
            throw new ProblemException(412, "Source " + id + " changed since version " + expectedVersion
                    + " (now " + source.version + ")");
        }
        sources.delete(source);
        feed.record(source.id, source.collection, ChangeOperation.DELETED);
    }

    public SourcePage list(String collection, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        var query = collection == null
                ? sources.findAll(newestFirst)
                : sources.find("collection", newestFirst, collection);
        var content = query.page(Page.of(page, size)).list().stream().map(SourcePage.Summary::of).toList();
        return new SourcePage(content, page, size, query.count());
    }

    public Optional<SourceDto> find(UUID id) {
        return sources.findByIdOptional(id).map(SourceDto::of);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
