package io.dossier.entities.ftm;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.dossier.entities.ftm.FtmImportJob.Phase;
import io.dossier.entities.ftm.FtmImportJob.Status;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** FtM import jobs in PostgreSQL: the job, its input in chunks of lines, and its items. */
@ApplicationScoped
public class FtmImportStore {

    /** Lines of the input, from {@code firstLine} on, each ended by a newline (UTF-8). */
    public record Chunk(int firstLine, int lineCount, byte[] body) {
    }

    private final FtmImportJobRepository jobs;
    private final FtmImportItemRepository items;

    public FtmImportStore(FtmImportJobRepository jobs, FtmImportItemRepository items) {
        this.jobs = jobs;
        this.items = items;
    }

    private EntityManager em() {
        return jobs.getEntityManager();
    }

    @Transactional
    public FtmImportJob receive(String user) {
        FtmImportJob job = new FtmImportJob();
        job.id = UUID.randomUUID();
        job.status = Status.RECEIVING;
        job.phase = Phase.ENTITIES;
        job.createdBy = user;
        job.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        jobs.persist(job);
        return job;
    }

    /** Adds a chunk to an upload still being received (409 when it was given up meanwhile). */
    @Transactional
    public void addChunk(UUID id, Chunk chunk) {
        receiving(id).receivedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em().createNativeQuery("insert into ftm_import_chunk (import_id, first_line, line_count, body)"
                + " values (?1, ?2, ?3, ?4)").setParameter(1, id).setParameter(2, chunk.firstLine())
                .setParameter(3, chunk.lineCount()).setParameter(4, chunk.body()).executeUpdate();
    }

    @Transactional
    public FtmImportJob received(UUID id, int lines, long bytes) {
        FtmImportJob job = receiving(id);
        job.status = Status.QUEUED;
        job.totalLines = lines;
        job.totalBytes = bytes;
        return job;
    }

    /** The job of an upload still being received, locked against the sweep of stalled uploads. */
    private FtmImportJob receiving(UUID id) {
        FtmImportJob job = jobs.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job == null || job.status != Status.RECEIVING) {
            throw new io.dossier.common.problem.ProblemException(409, "The upload was given up: nothing arrived for "
                    + "too long. Send the file again");
        }
        return job;
    }

    /** Forgets an upload that was refused: the job, and its chunks with it. */
    @Transactional
    public void discard(UUID id) {
        jobs.deleteById(id);
    }

    @Transactional
    public Optional<FtmImportJob> find(UUID id) {
        return jobs.findByIdOptional(id).map(j -> {
            em().detach(j);
            return j;
        });
    }

    @Transactional
    public List<FtmImportJob> list(int page, int size) {
        return jobs.findAll(Sort.descending("createdAt")).page(Page.of(page, size)).list();
    }

    /** Jobs queued or running; uploads received for longer than {@code receiveTimeout} are failed first. */
    @Transactional
    public List<UUID> unfinished(Duration receiveTimeout) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(receiveTimeout);
        for (FtmImportJob stale : jobs.list("status = ?1 and coalesce(receivedAt, createdAt) < ?2", Status.RECEIVING,
                before)) {
            em().lock(stale, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
            em().refresh(stale);
            if (stale.status == Status.RECEIVING) {
                finish(stale.id, Status.FAILED, "The upload was not received to its end (the service stopped "
                        + "during it, or nothing arrived for too long); import the file again");
            }
        }
        return jobs.getEntityManager().createQuery("select j.id from FtmImportJob j where j.status in :status"
                + " order by j.createdAt", UUID.class).setParameter("status", List.of(Status.QUEUED, Status.RUNNING))
                .getResultList();
    }

    @Transactional
    public FtmImportJob start(UUID id) {
        FtmImportJob job = jobs.findById(id);
        job.status = Status.RUNNING;
        if (job.startedAt == null) {
            job.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        }
        return job;
    }

    /** Ends a job and drops its input. */
    @Transactional
    public void finish(UUID id, Status status, String reason) {
        FtmImportJob job = jobs.findById(id);
        job.status = status;
        job.statusReason = reason;
        job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em().createNativeQuery("delete from ftm_import_chunk where import_id = ?1").setParameter(1, id)
                .executeUpdate();
    }

    /** The chunk holding the line after {@code line}, if any. */
    @Transactional
    public Optional<Chunk> chunkAfter(UUID id, int line) {
        List<?> rows = em().createNativeQuery("select first_line, line_count, body from ftm_import_chunk"
                + " where import_id = ?1 and first_line + line_count > ?2 order by first_line limit 1")
                .setParameter(1, id).setParameter(2, line + 1).getResultList();
        return rows.stream().findFirst().map(r -> {
            Object[] row = (Object[]) r;
            return new Chunk(((Number) row[0]).intValue(), ((Number) row[1]).intValue(), (byte[]) row[2]);
        });
    }

    /** The first line of this import's items with each of these FtM ids. */
    public Map<String, Integer> firstLines(UUID id, Collection<String> ftmIds) {
        Map<String, Integer> first = new HashMap<>();
        if (!ftmIds.isEmpty()) {
            em().createQuery("select i.ftmId, min(i.line) from FtmImportItem i where i.importId = :id"
                    + " and i.ftmId in :ids group by i.ftmId", Object[].class).setParameter("id", id)
                    .setParameter("ids", ftmIds).getResultStream()
                    .forEach(row -> first.put((String) row[0], (Integer) row[1]));
        }
        return first;
    }

    /** The entities this import made or found for these FtM ids. */
    public Map<String, UUID> entitiesOf(UUID id, Collection<String> ftmIds) {
        Map<String, UUID> found = new HashMap<>();
        if (!ftmIds.isEmpty()) {
            em().createQuery("select i.ftmId, i.entityId from FtmImportItem i where i.importId = :id"
                    + " and i.ftmId in :ids and i.entityId is not null", Object[].class).setParameter("id", id)
                    .setParameter("ids", ftmIds).getResultStream()
                    .forEach(row -> found.putIfAbsent((String) row[0], (UUID) row[1]));
        }
        return found;
    }

    /**
     * Records a batch's items and moves the job on to {@code cursor}: in the caller's transaction, with what the
     * batch wrote, so that a job resumed after a stop neither repeats nor misses a line.
     */
    public void record(UUID id, List<FtmImport.Item> batch, int cursor) {
        // locked, and checked: a batch is recorded once, even if another instance took the job over meanwhile
        FtmImportJob job = jobs.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (job.cursorLine >= cursor || (!batch.isEmpty() && batch.get(0).line() <= job.cursorLine)) {
            throw new IllegalStateException("FtM import " + id + ": lines up to " + cursor + " were recorded "
                    + "already (line " + job.cursorLine + "); another run took the job over");
        }
        boolean entities = job.phase == Phase.ENTITIES;
        for (FtmImport.Item item : batch) {
            items.persist(FtmImportItem.of(id, item));
            switch (item.outcome()) {
                case "created" -> {
                    if (entities) {
                        job.created++;
                    } else {
                        job.relationsCreated++;
                    }
                }
                case "unchanged" -> {
                    if (entities) {
                        job.unchanged++;
                    } else {
                        job.relationsUnchanged++;
                    }
                }
                case "updated" -> job.updated++;
                default -> job.skipped++;
            }
        }
        job.cursorLine = cursor;
        items.flush();
    }

    /** The entity lines this import created after line {@code after}, up to {@code upTo}: to compare for twins. */
    @Transactional
    public List<FtmImport.Item> createdBetween(UUID id, int after, int upTo) {
        return items.list("importId = ?1 and line > ?2 and line <= ?3 and outcome = 'created'", Sort.by("line"), id,
                after, upTo).stream().map(FtmImportItem::toItem).toList();
    }

    /** Marks the created entities that resemble others as possible twins; the lines up to {@code line} are done. */
    @Transactional
    public void twinsChecked(UUID id, Map<Integer, List<UUID>> twins, int line) {
        FtmImportJob job = jobs.findById(id);
        twins.forEach((at, of) -> {
            FtmImportItem item = items.findById(new FtmImportItem.Key(id, at));
            item.outcome = "possible_twin";
            item.twinOf = List.copyOf(of);
            job.possibleTwins++;
        });
        job.twinsLine = line;
    }

    /** Ends the first pass: the relationships are read from the first line again. */
    @Transactional
    public void relationshipsNext(UUID id) {
        FtmImportJob job = jobs.findById(id);
        job.phase = Phase.RELATIONSHIPS;
        job.cursorLine = 0;
    }

    /** A page of items in line order after {@code after}, of one outcome or all. */
    @Transactional
    public List<FtmImport.Item> items(UUID id, String outcome, int after, int limit) {
        var query = outcome == null
                ? items.find("importId = ?1 and line > ?2", Sort.by("line"), id, after)
                : items.find("importId = ?1 and line > ?2 and outcome = ?3", Sort.by("line"), id, after, outcome);
        return query.page(Page.ofSize(limit)).list().stream().map(FtmImportItem::toItem).toList();
    }
}
