package io.dossier.sources.imports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.sources.source.SourceService;
import io.dossier.sources.source.SourceService.Ingested;
import io.dossier.sources.source.SourceService.NewSource;
import io.dossier.sources.source.SourceStatus;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The import jobs' bookkeeping: each batch of sources commits together with its items and the job's counts. */
@ApplicationScoped
public class ImportService {

    private final ImportJobRepository jobs;
    private final ImportItemRepository items;
    private final SourceService sources;

    public ImportService(ImportJobRepository jobs, ImportItemRepository items, SourceService sources) {
        this.jobs = jobs;
        this.items = items;
        this.sources = sources;
    }

    /**
     * An item worked through: a source to store, the stored source its content duplicates (with its collection), or
     * the reason it failed before a source could be made (with the collection it asked for, if known).
     */
    record Outcome(RawItem item, NewSource source, UUID duplicateOf, String collection, String failure) {

        static Outcome failed(RawItem item, String failure) {
            return new Outcome(item, null, null, null, failure);
        }

        static Outcome failed(RawItem item, String collection, String failure) {
            return new Outcome(item, null, null, collection, failure);
        }
    }

    /** The reason given for content already stored in a collection the job's creator cannot read. */
    static final String HIDDEN_DUPLICATE = "This content is already stored, in a collection you cannot read";

    @Transactional
    public ImportJobDto create(ImportJob job) {
        jobs.persist(job);
        return ImportJobDto.of(job);
    }

    /**
     * Whether a job is the caller's to see: {@code readable} (the caller's collections, null for all) holds the
     * job's collection, every collection it wrote to, and the collection each of its sources is in now (a source may
     * have moved since). The same condition in every query, so a job is never shown in part.
     */
    private static final String VISIBLE = "j.collection in :readable and array_includes(:readableArray, j.written)"
            + " and not exists (select 1 from ImportItem i, Source s where i.jobId = j.id and s.id = i.sourceId"
            + " and s.collection not in :readable)";

    /** A job if the caller may see it ({@link #VISIBLE}); otherwise as absent as a job that does not exist. */
    public Optional<ImportJobDto> find(UUID id, Set<String> readable) {
        if (readable == null) {
            return jobs.findByIdOptional(id).map(ImportJobDto::of);
        }
        if (readable.isEmpty()) {
            return Optional.empty();
        }
        return jobs.find("from ImportJob j where j.id = :id and " + VISIBLE, visibility(readable).and("id", id))
                .firstResultOptional().map(ImportJobDto::of);
    }

    private static io.quarkus.panache.common.Parameters visibility(Set<String> readable) {
        return io.quarkus.panache.common.Parameters.with("readable", readable).and("readableArray",
                readable.toArray(String[]::new));
    }

    /** The jobs the caller may see ({@link #VISIBLE}), newest first. */
    public List<ImportJobDto> list(Set<String> readable, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        if (readable != null && readable.isEmpty()) {
            return List.of();
        }
        var query = readable == null
                ? jobs.findAll(newestFirst)
                : jobs.find("from ImportJob j where " + VISIBLE, newestFirst, visibility(readable));
        return query.page(Page.of(page, size)).list().stream().map(ImportJobDto::of).toList();
    }

    /**
     * Items of a job in position order. Read apart from the job's check, so each item is held to the rule again in
     * the same query: an item whose source is (now) in a collection the caller cannot read is left out.
     */
    public ImportItemPage items(UUID job, Set<String> readable, ItemOutcome outcome, int after, int limit) {
        String query = "from ImportItem i where i.jobId = :job and i.position > :after"
                + (outcome == null ? "" : " and i.outcome = :outcome")
                + (readable == null
                        ? ""
                        : " and not exists (select 1 from Source s where s.id = i.sourceId"
                                + " and s.collection not in :readable)");
        var params = io.quarkus.panache.common.Parameters.with("job", job).and("after", after);
        if (outcome != null) {
            params = params.and("outcome", outcome);
        }
        if (readable != null) {
            if (readable.isEmpty()) {
                return new ImportItemPage(List.of(), null);
            }
            params = params.and("readable", readable);
        }
        List<ImportItem> page = items.find(query, Sort.ascending("position"), params).page(0, limit + 1).list();
        Integer next = page.size() > limit ? page.get(limit - 1).position : null;
        List<ImportItem> shown = page.stream().limit(limit).toList();
        // where each item's source stands now (an image still being read by OCR, say)
        List<UUID> ids = shown.stream().map(i -> i.sourceId).filter(java.util.Objects::nonNull).distinct().toList();
        java.util.Map<UUID, Object[]> sources = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            items.getEntityManager()
                    .createQuery("select s.id, s.status, s.pages, s.pagesDone from Source s where s.id in :ids",
                            Object[].class)
                    .setParameter("ids", ids).getResultStream().forEach(r -> sources.put((UUID) r[0], r));
        }
        return new ImportItemPage(shown.stream().map(i -> ImportItemPage.Item.of(i, sources.get(i.sourceId)))
                .toList(), next);
    }

    /** Jobs a worker should (re)start: queued, or running when the service last stopped. */
    public List<UUID> unfinished() {
        return jobs
                .find("status in ?1", Sort.ascending("createdAt"), List.of(ImportStatus.QUEUED, ImportStatus.RUNNING))
                .stream().map(j -> j.id).toList();
    }

    /** Marks a job running and tells where it stands: the last position done. */
    @Transactional
    public int start(UUID id) {
        ImportJob job = jobs.findById(id);
        job.status = ImportStatus.RUNNING;
        if (job.startedAt == null) {
            job.startedAt = now();
        }
        Integer last = items.getEntityManager()
                .createQuery("select max(i.position) from ImportItem i where i.jobId = :job", Integer.class)
                .setParameter("job", id).getSingleResult();
        return last == null ? 0 : last;
    }

    public Optional<ImportJob> job(UUID id) {
        return jobs.findByIdOptional(id);
    }

    /**
     * Stores a batch: its sources (through {@link SourceService#store}, feed entries included), one item row each,
     * and the job's counts, all in one transaction, so a job resumed after a crash neither repeats nor skips one.
     */
    @Transactional
    public void commit(UUID jobId, List<Outcome> batch) {
        List<NewSource> toStore = new ArrayList<>();
        for (Outcome outcome : batch) {
            if (outcome.source() != null) {
                toStore.add(outcome.source());
            }
        }
        List<Ingested> stored = toStore.isEmpty() ? List.of() : sources.store(toStore);
        ImportJob job = jobs.findById(jobId);
        Set<String> written = new TreeSet<>(job.written);
        int next = 0;
        for (Outcome outcome : batch) {
            ImportItem item = new ImportItem();
            item.jobId = jobId;
            item.position = outcome.item().position();
            item.name = outcome.item().name();
            if (outcome.duplicateOf() != null) {
                duplicate(job, item, outcome.duplicateOf(), outcome.collection());
            } else if (outcome.source() == null) {
                item.outcome = ItemOutcome.FAILED;
                item.collection = outcome.collection();
                item.reason = outcome.failure();
                job.failed++;
            } else {
                Ingested ingested = stored.get(next++);
                if (ingested.duplicate()) {
                    // whatever the stored source's status, as when a later batch finds it by hash
                    duplicate(job, item, ingested.source().id(), ingested.source().collection());
                } else if (ingested.source().status() == SourceStatus.FAILED) {
                    item.sourceId = ingested.source().id();
                    item.collection = ingested.source().collection();
                    item.outcome = ItemOutcome.FAILED;
                    item.reason = ingested.source().statusReason();
                    job.failed++;
                } else {
                    item.sourceId = ingested.source().id();
                    item.collection = ingested.source().collection();
                    item.outcome = ItemOutcome.CREATED;
                    job.created++;
                }
            }
            if (item.sourceId != null) {
                written.add(item.collection);
            }
            if (item.reason != null && item.reason.length() > 2000) {
                item.reason = item.reason.substring(0, 1999) + "…";
            }
            items.persist(item);
            job.processed++;
        }
        job.written = new ArrayList<>(written);
    }

    /**
     * An item whose content is already stored: the stored source when the job's creator may read its collection;
     * otherwise only that it exists elsewhere, as a direct post answers (409, without the source).
     */
    private static void duplicate(ImportJob job, ImportItem item, UUID stored, String collection) {
        item.outcome = ItemOutcome.DUPLICATE;
        job.duplicates++;
        if (job.readable == null || job.readable.contains(collection)) {
            item.sourceId = stored;
            item.collection = collection;
        } else {
            item.reason = HIDDEN_DUPLICATE;
        }
    }

    @Transactional
    public void finish(UUID id, ImportStatus status, String reason) {
        ImportJob job = jobs.findById(id);
        job.status = status;
        job.statusReason = reason;
        job.finishedAt = now();
        job.spoolPath = null;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
