package io.dossier.sources.imports;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.jobs.JobLock;
import io.dossier.sources.extraction.UnsupportedFormatException;
import io.dossier.sources.imports.ImportService.Outcome;
import io.dossier.sources.imports.ZipItems.ArchiveRefusedException;
import io.dossier.sources.ingest.FileMetadata;
import io.dossier.sources.ingest.IngestConfig;
import io.dossier.sources.ingest.IngestService;
import io.dossier.sources.source.CreateSourceRequest;
import io.dossier.sources.source.SourceService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Works through import jobs one at a time on a thread of its own, a batch per transaction. A job interrupted by a
 * stop resumes at the next start after its last committed batch, from its spooled input.
 * <p>
 * With several instances, a job runs on one of them only: the runner holds a PostgreSQL session advisory lock on the
 * job, on a connection kept for as long as the job runs, and skips a job another instance holds. The lock goes with
 * the connection if its instance dies, and every instance looks for unfinished jobs every {@code resume-interval},
 * so a job whose instance died is taken over by one that can read its spooled input (a volume the instances share).
 */
@ApplicationScoped
public class ImportRunner {

    private final ImportService imports;
    private final IngestService ingest;
    private final SourceService sources;
    private final ImportConfig config;
    private final IngestConfig ingestConfig;
    private final ObjectMapper json;
    private final Validator validator;
    /** Most bytes of input worked in one batch (besides the item count). */
    static final long MAX_BATCH_BYTES = 64L << 20;
    /** Longest useful JSON line: a text of the largest size in 4-byte characters, plus its metadata. */
    static final long MAX_LINE_BYTES = 24L << 20;

    private volatile boolean stopping;
    /** Jobs queued or running here, so that one is not queued twice. */
    private final Set<UUID> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService resumer = Executors
            .newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "dossier-imports-resume");
                thread.setDaemon(true);
                return thread;
            });
    @Inject
    javax.sql.DataSource dataSource;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dossier-imports");
        thread.setDaemon(true);
        return thread;
    });

    public ImportRunner(ImportService imports, IngestService ingest, SourceService sources, ImportConfig config,
            IngestConfig ingestConfig, ObjectMapper json, Validator validator) {
        this.imports = imports;
        this.ingest = ingest;
        this.sources = sources;
        this.config = config;
        this.ingestConfig = ingestConfig;
        this.json = json;
        this.validator = validator;
    }

    /** This bean through its CDI proxy, so that the interceptors on {@link #run} apply. */
    @Inject
    ImportRunner self;

    void resume(@Observes StartupEvent start) {
        resumeUnfinished();
        long every = config.resumeInterval().toMillis();
        if (every > 0) {
            resumer.scheduleWithFixedDelay(() -> {
                try {
                    resumeUnfinished();
                } catch (RuntimeException e) {
                    Log.warnf("Looking for unfinished imports failed; trying again later: %s", e.getMessage());
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Queues the unfinished jobs whose spooled input this instance can read (another instance may hold them). */
    @ActivateRequestContext
    public void resumeUnfinished() {
        for (UUID id : imports.unfinished()) {
            ImportJob job = imports.job(id).orElse(null);
            if (job != null && job.spoolPath != null && Files.isReadable(Path.of(job.spoolPath))
                    && !queued.contains(id)) {
                submit(id);
            }
        }
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        // A flag, not the interrupt alone: database and parser code may swallow an interrupt.
        stopping = true;
        resumer.shutdownNow();
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    public void submit(UUID id) {
        if (!queued.add(id)) {
            return;
        }
        // execute, not submit: a Future would swallow what escapes run()
        worker.execute(() -> {
            try {
                claimAndRun(id);
            } finally {
                queued.remove(id);
            }
        });
    }

    /**
     * Runs the job unless another instance runs it; returns whether it ran here. The advisory lock is held on a
     * connection of its own, outside the batch transactions, and released when the job stops.
     */
    public boolean claimAndRun(UUID id) {
        try (java.sql.Connection connection = dataSource.getConnection();
                JobLock lock = JobLock.tryLock(connection, id)) {
            if (lock == null) {
                Log.debugf("Import %s runs on another instance", id);
                return false;
            }
            if (!self.unfinished(id)) {
                return false; // finished by another instance meanwhile
            }
            Log.infof("Working on import %s", id);
            self.run(id, lock::held);
            return true;
        } catch (java.sql.SQLException e) {
            Log.warnf("Import %s not started, the database did not answer (%s); it is tried again later", id,
                    e.getMessage());
            return false;
        }
    }

    @ActivateRequestContext
    boolean unfinished(UUID id) {
        return imports.job(id).map(j -> j.status == ImportStatus.QUEUED || j.status == ImportStatus.RUNNING)
                .orElse(false);
    }

    /** Works one job through (tests call it directly, as the only runner). */
    @ActivateRequestContext
    void run(UUID id) {
        run(id, () -> true);
    }

    /** Works one job through while {@code owned} says the job is still this instance's, checked before each batch. */
    @ActivateRequestContext
    void run(UUID id, java.util.function.BooleanSupplier owned) {
        ImportJob job = imports.job(id).orElse(null);
        if (job == null) {
            return;
        }
        Path input = job.spoolPath == null ? null : Path.of(job.spoolPath);
        if (input == null || !Files.isReadable(input)) {
            imports.finish(id, ImportStatus.FAILED, "The spooled input is gone (spool directory lost); import again");
            return;
        }
        try (ItemReader reader = job.format == ImportFormat.ZIP
                ? new ZipItems(input, ingestConfig.maxFileBytes(), config.maxExpandedBytes())
                : new JsonLines(input, Math.min(ingestConfig.maxFileBytes(), MAX_LINE_BYTES))) {
            int after = imports.start(id);
            List<RawItem> batch = new ArrayList<>(config.batchSize());
            long batchBytes = 0;
            RawItem item;
            while ((item = reader.next(after)) != null) {
                batch.add(item);
                batchBytes += item.content() == null ? 0 : item.content().length;
                // a batch ends on a count or on its bytes, so a batch of large files stays within memory
                if (batch.size() == config.batchSize() || batchBytes >= MAX_BATCH_BYTES) {
                    if (!owned.getAsBoolean()) {
                        Log.warnf("Import %s: this instance lost its claim (database connection); another takes it "
                                + "over from the last committed batch", id);
                        return;
                    }
                    commit(job, batch);
                    batch.clear();
                    batchBytes = 0;
                    if (stopping) {
                        Log.infof("Import %s paused by shutdown; it resumes at the next start", id);
                        return;
                    }
                }
            }
            if (!batch.isEmpty()) {
                if (!owned.getAsBoolean()) {
                    Log.warnf("Import %s: this instance lost its claim; another takes it over", id);
                    return;
                }
                commit(job, batch);
            }
            imports.finish(id, ImportStatus.COMPLETED, null);
            delete(input);
        } catch (ArchiveRefusedException e) {
            imports.finish(id, ImportStatus.FAILED, e.getMessage());
            delete(input);
        } catch (IOException | RuntimeException | OutOfMemoryError | StackOverflowError e) {
            if (stopping) {
                Log.infof("Import %s paused by shutdown; it resumes at the next start", id);
                return;
            }
            String reference = UUID.randomUUID().toString();
            Log.errorf(e, "Import %s stopped (reference %s)", id, reference);
            imports.finish(id, ImportStatus.FAILED, "The import stopped on an internal error (reference "
                    + reference + "); the items listed were done");
            delete(input);
        }
    }

    /**
     * Commits a batch; should it fail (one item the database refuses), each item again on its own, so only the item
     * at fault fails and the job goes on.
     */
    private void commit(ImportJob job, List<RawItem> batch) {
        List<Outcome> outcomes = work(job, batch);
        try {
            imports.commit(job.id, outcomes);
        } catch (RuntimeException batchFailed) {
            if (stopping) {
                throw batchFailed;
            }
            for (Outcome outcome : outcomes) {
                try {
                    imports.commit(job.id, List.of(outcome));
                } catch (RuntimeException itemFailed) {
                    String reference = UUID.randomUUID().toString();
                    Log.errorf(itemFailed, "Import %s, item %s could not be stored (reference %s)", job.id,
                            outcome.item().name(), reference);
                    imports.commit(job.id, List.of(Outcome.failed(outcome.item(),
                            "The item could not be stored (reference " + reference + ")")));
                }
            }
        }
    }

    /**
     * An item read and checked: the hash of its content (the file's bytes, or a line's text), and for a line its
     * request; or already an outcome when it failed.
     */
    private record Prepared(RawItem item, String sha256, CreateSourceRequest request, Outcome outcome) {
    }

    /** Works a batch through; content already stored is found first, so it is never extracted again. */
    private List<Outcome> work(ImportJob job, List<RawItem> batch) {
        List<Prepared> prepared = batch.stream().map(item -> prepare(job, item)).toList();
        Map<String, SourceService.Stored> stored = sources.bySha256(
                prepared.stream().filter(p -> p.outcome() == null).map(Prepared::sha256).distinct().toList());
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Prepared item : prepared) {
            outcomes.add(item.outcome() != null ? item.outcome() : build(job, item, stored));
        }
        return outcomes;
    }

    private Prepared prepare(ImportJob job, RawItem item) {
        if (item.failure() != null) {
            return new Prepared(item, null, null, Outcome.failed(item, job.collection, item.failure()));
        }
        if (job.format == ImportFormat.ZIP) {
            return new Prepared(item, SourceService.sha256(item.content()), null, null);
        }
        Prepared line = line(job, item);
        if (line.outcome() != null) {
            return line;
        }
        // a line may name its own collection: it passes the check a direct post by the job's creator would
        String collection = IngestService.collection(line.request().collection(), job.collection);
        if (job.readable != null && !job.readable.contains(collection)) {
            return failed(item, collection, "You may not add sources to collection " + collection
                    + ": you cannot read it");
        }
        return line;
    }

    private Outcome build(ImportJob job, Prepared prepared, Map<String, SourceService.Stored> stored) {
        RawItem item = prepared.item();
        SourceService.Stored duplicate = stored.get(prepared.sha256());
        if (duplicate != null) {
            return new Outcome(item, null, duplicate.id(), duplicate.collection(), null);
        }
        try {
            if (job.format == ImportFormat.ZIP) {
                return new Outcome(item, ingest.fromFile(item.content(), baseName(item.name()),
                        FileMetadata.of(job.collection, job.tags), job.createdBy), null, null, null);
            }
            return new Outcome(item, ingest.fromJson(prepared.request(), job.collection, job.tags, job.createdBy),
                    null, null, null);
        } catch (UnsupportedFormatException e) {
            return Outcome.failed(item, job.collection, e.getMessage());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            Log.errorf(e, "Import %s, item %s failed (reference %s)", job.id, item.name(), reference);
            return Outcome.failed(item, job.collection, "The item could not be processed (reference " + reference
                    + ")");
        }
    }

    private Prepared line(ImportJob job, RawItem item) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(item.content()))
                    .toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark, as Notepad writes on line 1
            }
        } catch (CharacterCodingException e) {
            return failed(item, job.collection, "The line is not valid UTF-8");
        }
        CreateSourceRequest request;
        try {
            request = json.readValue(text, CreateSourceRequest.class);
        } catch (JsonProcessingException e) {
            String why = e.getOriginalMessage();
            return failed(item, job.collection, "The line is not a JSON source object: "
                    + (why.length() > 200 ? why.substring(0, 200) + "…" : why));
        }
        if (request == null) {
            return failed(item, job.collection, "The line is not a JSON source object");
        }
        Set<ConstraintViolation<CreateSourceRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            return failed(item, job.collection,
                    violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted()
                            .collect(Collectors.joining("; ")));
        }
        return new Prepared(item, SourceService.sha256(request.text().getBytes(StandardCharsets.UTF_8)), request,
                null);
    }

    private static Prepared failed(RawItem item, String collection, String reason) {
        return new Prepared(item, null, null, Outcome.failed(item, collection, reason));
    }

    private static String baseName(String name) {
        String path = name.replace('\\', '/');
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static void delete(Path input) {
        try {
            Files.deleteIfExists(input);
        } catch (IOException e) {
            Log.warnf("Could not delete the spooled input %s", input);
        }
    }
}
