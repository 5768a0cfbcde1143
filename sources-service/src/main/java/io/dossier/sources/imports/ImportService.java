package io.dossier.sources.imports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
     * An item worked through: a source to store, the stored source its content duplicates, or the reason it failed
     * before a source could be made.
     */
    record Outcome(RawItem item, NewSource source, UUID duplicateOf, String failure) {

        static Outcome failed(RawItem item, String failure) {
            return new Outcome(item, null, null, failure);
        }
    }

    @Transactional
    public ImportJobDto create(ImportJob job) {
        jobs.persist(job);
        return ImportJobDto.of(job);
    }

    public Optional<ImportJobDto> find(UUID id) {
        return jobs.findByIdOptional(id).map(ImportJobDto::of);
    }

    public List<ImportJobDto> list(int page, int size) {
        return jobs.findAll(Sort.descending("createdAt").and("id")).page(Page.of(page, size)).list().stream()
                .map(ImportJobDto::of).toList();
    }

    public ImportItemPage items(UUID job, ItemOutcome outcome, int after, int limit) {
        String query = "jobId = ?1 and position > ?2" + (outcome == null ? "" : " and outcome = ?3");
        Object[] params = outcome == null ? new Object[]{job, after} : new Object[]{job, after, outcome};
        List<ImportItem> page = items.find(query, Sort.ascending("position"), params).page(0, limit + 1).list();
        Integer next = page.size() > limit ? page.get(limit - 1).position : null;
        return new ImportItemPage(page.stream().limit(limit).map(ImportItemPage.Item::of).toList(), next);
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
        int next = 0;
        for (Outcome outcome : batch) {
            ImportItem item = new ImportItem();
            item.jobId = jobId;
            item.position = outcome.item().position();
            item.name = outcome.item().name();
            if (outcome.duplicateOf() != null) {
                item.outcome = ItemOutcome.DUPLICATE;
                item.sourceId = outcome.duplicateOf();
                job.duplicates++;
            } else if (outcome.source() == null) {
                item.outcome = ItemOutcome.FAILED;
                item.reason = outcome.failure();
                job.failed++;
            } else {
                Ingested ingested = stored.get(next++);
                item.sourceId = ingested.source().id();
                if (ingested.duplicate()) {
                    // whatever the stored source's status, as when a later batch finds it by hash
                    item.outcome = ItemOutcome.DUPLICATE;
                    job.duplicates++;
                } else if (ingested.source().status() == SourceStatus.FAILED) {
                    item.outcome = ItemOutcome.FAILED;
                    item.reason = ingested.source().statusReason();
                    job.failed++;
                } else {
                    item.outcome = ItemOutcome.CREATED;
                    job.created++;
                }
            }
            if (item.reason != null && item.reason.length() > 2000) {
                item.reason = item.reason.substring(0, 1999) + "…";
            }
            items.persist(item);
            job.processed++;
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
