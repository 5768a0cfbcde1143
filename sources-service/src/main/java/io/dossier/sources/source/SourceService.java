package io.dossier.sources.source;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.ProblemException;
import io.dossier.sources.journal.ChangeJournal;
import io.dossier.sources.journal.ChangeOperation;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SourceService {

    private final SourceRepository sources;
    private final SourceOriginalRepository originals;
    private final ChangeJournal journal;
    private final Event<ExtractionQueued> extractionQueued;
    private final SourceMeters meters;
    private final AuditTrail audit;

    public SourceService(SourceRepository sources, SourceOriginalRepository originals, ChangeJournal journal,
            Event<ExtractionQueued> extractionQueued, SourceMeters meters, AuditTrail audit) {
        this.audit = audit;
        this.sources = sources;
        this.originals = originals;
        this.journal = journal;
        this.extractionQueued = extractionQueued;
        this.meters = meters;
    }

    /** The outcome of an ingest: the stored source, and whether it was already there (same content). */
    public record Ingested(SourceDto source, boolean duplicate) {
    }

    /** A source ready to be stored (all but id and version set), with its original bytes when it came as a file. */
    public record NewSource(Source source, byte[] original) {
    }

    /** Where a source is stored: its id and collection. */
    public record Stored(UUID id, String collection) {
    }

    /** The sources stored with any of these content hashes, by hash. */
    public Map<String, Stored> bySha256(List<String> hashes) {
        if (hashes.isEmpty()) {
            return Map.of();
        }
        Map<String, Stored> found = new HashMap<>();
        sources.getEntityManager()
                .createQuery("select s.sha256, s.id, s.collection from Source s where s.sha256 in :hashes",
                        Object[].class)
                .setParameter("hashes", hashes).getResultStream()
                .forEach(row -> found.put((String) row[0], new Stored((UUID) row[1], (String) row[2])));
        return found;
    }

    /** The source stored with this content hash, if any. */
    public Optional<SourceDto> findBySha256(String sha256) {
        return sources.findBySha256(sha256).map(SourceDto::of);
    }

    /**
     * Stores sources and records each on the change feed (those waiting for OCR once read), all in one transaction. Idempotent on the content hash: a
     * source whose content is already stored (or comes earlier in the same batch) gives back the stored one.
     */
    @Transactional
    public List<Ingested> store(List<NewSource> batch) {
        // Serializes writers, so the duplicate check below sees every committed source and the feed commits in
        // sequence order (a consumer reading after=N never misses a lower seq that commits later).
        journal.lock();
        Map<String, Source> known = new HashMap<>();
        sources.find("sha256 in ?1", batch.stream().map(n -> n.source().sha256).toList()).stream()
                .forEach(s -> known.put(s.sha256, s));
        List<Ingested> stored = new ArrayList<>(batch.size());
        int queued = 0;
        for (NewSource next : batch) {
            Source existing = known.get(next.source().sha256);
            if (existing != null) {
                stored.add(new Ingested(SourceDto.of(existing), true));
                meters.duplicate();
                continue;
            }
            Source source = next.source();
            source.id = UUID.randomUUID();
            source.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            sources.persist(source);
            if (next.original() != null) {
                SourceOriginal original = new SourceOriginal();
                original.sourceId = source.id;
                original.contentType = source.contentType;
                original.filename = source.originalName;
                original.content = next.original();
                originals.persist(original);
            }
            if (source.status == SourceStatus.EXTRACTING) {
                // on the feed once its text exists (OcrService.finish)
                queued++;
            } else {
                journal.record(source.id, source.collection, ChangeOperation.CREATED);
            }
            known.put(source.sha256, source);
            audit.recordAs(source.createdBy, AuditAction.CREATE, "source", source.id, source.collection,
                    source.title);
            stored.add(new Ingested(SourceDto.of(source), false));
            meters.stored(source);
        }
        sources.flush();
        if (queued > 0) {
            extractionQueued.fire(new ExtractionQueued(queued));
        }
        return stored;
    }

    /**
     * Changes a source's metadata if {@code expectedVersion} is still its version (optimistic locking through
     * If-Match; null for any version), and records the update on the feed. An edit that changes nothing writes
     * nothing.
     */
    @Transactional
    public SourceDto update(UUID id, Long expectedVersion, UpdateSourceRequest request, String user) {
        journal.lock();
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
            source.publishedAt = request.publishedAt().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (request.publisher() != null) {
            source.publisher = request.publisher();
        }
        if (request.collection() != null) {
            source.collection = request.collection();
        }
        if (request.authors() != null) {
            source.authors = new ArrayList<>(request.authors().stream().map(String::strip).toList());
        }
        if (request.tags() != null) {
            source.tags = new ArrayList<>(request.tags().stream().distinct().toList());
        }
        if (request.language() != null) {
            source.language = request.language();
        }
        if (SourceDto.of(source).equals(before)) {
            return before;
        }
        changedBy(source, user);
        sources.flush(); // bumps the version
        audit.recordAs(user, AuditAction.UPDATE, "source", source.id, source.collection,
                changes(before, SourceDto.of(source)));
        if (source.status != SourceStatus.EXTRACTING) {
            // one still being read by OCR goes on the feed when its text exists, with these edits
            journal.record(source.id, source.collection, before.collection(), ChangeOperation.UPDATED);
        }
        return SourceDto.of(source);
    }

    /** Most tags a source carries. */
    public static final int MAX_TAGS = 50;

    /**
     * Adds and removes tags (a tag both added and removed is removed); on the change feed when anything changed, so
     * search and watches see the new tags.
     */
    @Transactional
    public SourceDto changeTags(UUID id, TagChange change, String user) {
        journal.lock();
        Source source = sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No source " + id));
        java.util.LinkedHashSet<String> tags = new java.util.LinkedHashSet<>(source.tags == null
                ? List.of()
                : source.tags);
        int before = tags.size();
        tags.addAll(change.adding());
        change.removing().forEach(tags::remove);
        // only a change that adds is held to the limit (an import may have given a source more: it can shed them)
        if (tags.size() > MAX_TAGS && tags.size() > before) {
            throw new ProblemException(400, "A source carries at most " + MAX_TAGS + " tags; this change would give it "
                    + tags.size());
        }
        if (source.tags != null && new ArrayList<>(tags).equals(source.tags)) {
            return SourceDto.of(source);
        }
        List<String> previous = source.tags == null ? List.of() : List.copyOf(source.tags);
        source.tags = new ArrayList<>(tags);
        changedBy(source, user);
        sources.flush(); // bumps the version
        audit.recordAs(user, AuditAction.UPDATE, "source", source.id, source.collection,
                "tags " + previous + " → " + source.tags);
        if (source.status != SourceStatus.EXTRACTING) {
            journal.record(source.id, source.collection, source.collection, ChangeOperation.UPDATED);
        }
        return SourceDto.of(source);
    }

    /** Deletes a source; the feed keeps a tombstone so every index drops it too. */
    @Transactional
    public void delete(UUID id, Long expectedVersion, String user) {
        journal.lock();
        Source source = sources.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("No source " + id));
        if (expectedVersion != null && source.version != expectedVersion) {
            throw new ProblemException(412, "Source " + id + " changed since version " + expectedVersion
                    + " (now " + source.version + ")");
        }
        sources.delete(source);
        journal.record(source.id, source.collection, ChangeOperation.DELETED);
        audit.recordAs(user, AuditAction.DELETE, "source", source.id, source.collection, source.title);
    }

    private static void changedBy(Source source, String user) {
        source.updatedBy = user;
        source.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The fields an edit changed, by name, for the audit trail ("title, tags"). */
    static String changes(SourceDto before, SourceDto after) {
        List<String> changed = new ArrayList<>();
        if (!java.util.Objects.equals(before.title(), after.title())) {
            changed.add("title");
        }
        if (!java.util.Objects.equals(before.url(), after.url())) {
            changed.add("url");
        }
        if (!java.util.Objects.equals(before.publishedAt(), after.publishedAt())) {
            changed.add("publishedAt");
        }
        if (!java.util.Objects.equals(before.publisher(), after.publisher())) {
            changed.add("publisher");
        }
        if (!java.util.Objects.equals(before.collection(), after.collection())) {
            changed.add("collection " + before.collection() + " → " + after.collection());
        }
        if (!java.util.Objects.equals(before.authors(), after.authors())) {
            changed.add("authors");
        }
        if (!java.util.Objects.equals(before.tags(), after.tags())) {
            changed.add("tags");
        }
        if (!java.util.Objects.equals(before.language(), after.language())) {
            changed.add("language");
        }
        return "changed " + String.join(", ", changed);
    }

    /** A page of sources; {@code readable}: the collections the caller may read, null for all. */
    public SourcePage list(String collection, String tag, SourceStatus status, Set<String> readable, int page,
            int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (readable != null) {
            if (readable.isEmpty()) {
                return new SourcePage(List.of(), page, size, 0);
            }
            where.add("collection in :readable");
            params.put("readable", readable);
        }
        if (collection != null) {
            where.add("collection = :collection");
            params.put("collection", collection);
        }
        if (tag != null) {
            where.add("array_contains(tags, :tag)");
            params.put("tag", tag);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        var query = where.isEmpty()
                ? sources.findAll(newestFirst)
                : sources.find(String.join(" and ", where), newestFirst, params);
        var content = query.page(Page.of(page, size)).list().stream().map(SourcePage.Summary::of).toList();
        return new SourcePage(content, page, size, query.count());
    }

    /**
     * Those of these sources that exist in the {@code readable} collections (null: any), in the order given; their
     * summaries only (the texts are not read).
     */
    @SuppressWarnings("unchecked")
    public List<SourcePage.Summary> summaries(List<UUID> ids, Set<String> readable) {
        if (ids.isEmpty() || readable != null && readable.isEmpty()) {
            return List.of();
        }
        Map<UUID, SourcePage.Summary> found = new HashMap<>();
        var query = sources.getEntityManager().createQuery("select s.id, s.collection, s.title, s.authors, s.url,"
                + " s.publishedAt, s.publisher, s.language, s.contentType, s.size, s.status, s.statusReason, s.tags,"
                + " s.createdAt, s.version from Source s where s.id in :ids"
                + (readable == null ? "" : " and s.collection in :readable"), Object[].class)
                .setParameter("ids", ids);
        if (readable != null) {
            query.setParameter("readable", readable);
        }
        query.getResultList().forEach(r -> {
            found.put((UUID) r[0], new SourcePage.Summary((UUID) r[0], (String) r[1], (String) r[2],
                    List.copyOf((List<String>) r[3]), (String) r[4], (OffsetDateTime) r[5], (String) r[6],
                    (String) r[7], (String) r[8], (Long) r[9], (SourceStatus) r[10], (String) r[11],
                    List.copyOf((List<String>) r[12]), (OffsetDateTime) r[13], (Long) r[14]));
        });
        return ids.stream().distinct().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** A source's collection (empty when there is no such source), without loading its text. */
    @Transactional
    public Optional<String> collectionOf(UUID id) {
        return sources.collectionOf(id);
    }

    public Optional<SourceDto> find(UUID id) {
        return sources.findByIdOptional(id).map(SourceDto::of);
    }

    /** A source's original as it came in. */
    public record OriginalFile(String contentType, String filename, byte[] content) {
    }

    /** The original of a source: the file it came as, or for a source sent as JSON, its text. */
    @Transactional
    public Optional<OriginalFile> original(UUID id) {
        Optional<OriginalFile> file = originals.findByIdOptional(id)
                .map(o -> new OriginalFile(o.contentType, o.filename, o.content));
        if (file.isPresent()) {
            return file;
        }
        return sources.findByIdOptional(id).map(
                s -> new OriginalFile("text/plain; charset=utf-8", null, s.text.getBytes(StandardCharsets.UTF_8)));
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
