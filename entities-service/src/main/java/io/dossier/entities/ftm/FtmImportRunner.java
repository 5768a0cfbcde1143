package io.dossier.entities.ftm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.dossier.common.jobs.JobLock;
import io.dossier.common.problem.ProblemException;
import io.dossier.entities.ftm.FtmImportJob.Phase;
import io.dossier.entities.ftm.FtmImportJob.Status;
import io.dossier.entities.registry.EntityDto;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Works FtM imports through, one at a time on a thread of its own: the first pass writes the entities a batch per
 * transaction, the second the relationships a line per transaction, each with its items and the job's line, so a job
 * stopped at any point resumes where its last transaction left it, on this instance or another (the input waits in
 * PostgreSQL). With several instances a job runs on one only: the runner holds the job's advisory lock
 * ({@link JobLock}) while it works, and every instance looks for unfinished jobs every {@code resume-interval}.
 */
@ApplicationScoped
public class FtmImportRunner {

    private final FtmImportStore store;
    private final FtmImport imports;
    private final FtmImportConfig config;
    private final javax.sql.DataSource dataSource;
    /** How often a running job checks that it is still this instance's, in nanoseconds. */
    private static final long CLAIM_CHECK = TimeUnit.SECONDS.toNanos(1);
    private volatile boolean stopping;
    /** Time the running job spent looking for twins (one job at a time: the worker's own). */
    private long twinNanos;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "dossier-ftm-imports");
        thread.setDaemon(true);
        return thread;
    });
    private final ScheduledExecutorService resumer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dossier-ftm-imports-resume");
        thread.setDaemon(true);
        return thread;
    });

    /** This bean through its CDI proxy, so that the interceptors on {@link #run} apply. */
    @Inject
    FtmImportRunner self;

    public FtmImportRunner(FtmImportStore store, FtmImport imports, FtmImportConfig config,
            javax.sql.DataSource dataSource) {
        this.store = store;
        this.imports = imports;
        this.config = config;
        this.dataSource = dataSource;
    }

    void resume(@Observes StartupEvent start) {
        long every = config.resumeInterval().toMillis();
        resumer.schedule(this::resumeUnfinished, 0, TimeUnit.MILLISECONDS);
        if (every > 0) {
            resumer.scheduleWithFixedDelay(this::resumeUnfinished, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void resumeUnfinished() {
        try {
            store.unfinished(config.receiveTimeout()).forEach(this::submit);
        } catch (RuntimeException e) {
            Log.warnf("Looking for unfinished FtM imports failed; trying again later: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        resumer.shutdownNow();
        worker.shutdownNow();
        worker.awaitTermination(10, TimeUnit.SECONDS);
    }

    public void submit(UUID id) {
        if (!queued.add(id)) {
            return;
        }
        worker.execute(() -> {
            try (java.sql.Connection connection = dataSource.getConnection();
                    JobLock lock = JobLock.tryLock(connection, id)) {
                if (lock != null) {
                    try {
                        self.run(id, lock::held);
                    } catch (RuntimeException e) {
                        // still holding the job: no other instance works it while it is failed here
                        failed(id, e, lock);
                    }
                }
            } catch (java.sql.SQLException e) {
                Log.warnf("FtM import %s not started, the database did not answer (%s); it is tried again later",
                        id, e.getMessage());
            } finally {
                queued.remove(id);
            }
        });
    }

    /**
     * Whether an error is the database's absence (a connection refused or lost, a server shutting down or out of
     * resources) rather than anything about the lines: then the job waits, it is not failed, and no line is skipped.
     */
    static boolean unavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null && (sql.getSQLState()
                    .startsWith("08") || sql.getSQLState().startsWith("57P") || sql.getSQLState().startsWith("53"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A job that stopped on an error of the service's own: failed with a reference to the log, unless the service is
     * stopping (then the job resumes at the next start) or the database cannot be told (then it is tried again).
     */
    private void failed(UUID id, RuntimeException e, JobLock lock) {
        if (stopping) {
            Log.infof("FtM import %s interrupted by the stop (%s); it resumes at the next start", id, e.toString());
            return;
        }
        if (unavailable(e) || !lock.held()) {
            Log.warnf("FtM import %s paused: %s; it is taken up again later", id, e.toString());
            return;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "FtM import %s failed (reference %s)", id, reference);
        try {
            store.finish(id, Status.FAILED, "The import stopped on an error (reference " + reference + ")");
        } catch (RuntimeException unrecorded) {
            Log.warnf("FtM import %s: its failure could not be recorded (%s); it is tried again later", id,
                    unrecorded.getMessage());
        }
    }

    /** Works one job through while {@code owned} says it is still this instance's (checked before each step). */
    @ActivateRequestContext
    void run(UUID id, BooleanSupplier owned) {
        FtmImportJob job = store.find(id).orElse(null);
        if (job == null || (job.status != Status.QUEUED && job.status != Status.RUNNING)) {
            return;
        }
        job = store.start(id);
        Log.infof("Working on FtM import %s (%d lines) from %s line %d", id, job.totalLines, job.phase,
                job.cursorLine);
        long started = System.nanoTime();
        twinNanos = 0;
        if (job.phase == Phase.ENTITIES) {
            // twins a stop left unchecked
            imports.twins(id, job.twinsLine, job.cursorLine, Map.of());
            if (!pass(job, Phase.ENTITIES, job.cursorLine, owned)) {
                return;
            }
            store.relationshipsNext(id);
            Log.infof("FtM import %s: the entities' pass took %d ms, of which looking for twins %d ms", id,
                    (System.nanoTime() - started) / 1_000_000, twinNanos / 1_000_000);
            job = store.find(id).orElseThrow();
        }
        if (!pass(job, Phase.RELATIONSHIPS, job.cursorLine, owned)) {
            return;
        }
        store.finish(id, Status.COMPLETED, null);
        FtmImportJob done = store.find(id).orElseThrow();
        Log.infof("FtM import %s: %d lines in %d ms: %d created (%d possible twins), %d updated, %d unchanged, "
                + "%d relations created, %d unchanged, %d skipped", id, done.totalLines,
                (System.nanoTime() - started) / 1_000_000, done.created, done.possibleTwins, done.updated,
                done.unchanged, done.relationsCreated, done.relationsUnchanged, done.skipped);
    }

    /**
     * One pass over the lines after {@code cursor}; false when it stopped before the end. The claim is checked at
     * most every {@link #CLAIM_CHECK} (a query each time); another instance takes a lost job over only after its
     * {@code resume-interval}.
     */
    private boolean pass(FtmImportJob job, Phase phase, int cursor, BooleanSupplier owned) {
        boolean relationships = phase == Phase.RELATIONSHIPS;
        int done = cursor;
        Claim claim = new Claim(owned);
        for (var chunk = store.chunkAfter(job.id, done); chunk.isPresent(); chunk = store.chunkAfter(job.id, done)) {
            if (chunk.get().firstLine() > done + 1) {
                throw new IllegalStateException("lines " + (done + 1) + " to " + (chunk.get().firstLine() - 1)
                        + " of the input are missing");
            }
            String[] lines = new String(chunk.get().body(), StandardCharsets.UTF_8).split("\n", -1);
            List<FtmImport.Parsed> batch = new ArrayList<>();
            int pending = 0;
            int last = done;
            for (int i = 0; i < chunk.get().lineCount(); i++) {
                int number = chunk.get().firstLine() + i;
                if (number <= done) {
                    continue;
                }
                if (stopping || !claim.held()) {
                    Log.warnf("FtM import %s stops at line %d (%s); it resumes from there", job.id, done,
                            stopping ? "the service stops" : "this instance lost its claim");
                    return false;
                }
                FtmImport.Parsed line = parse(job, number, lines[i], relationships);
                last = number;
                if (line != null) {
                    batch.add(line);
                    pending += relationships || line.entity() != null ? 1 : 0;
                }
                if (pending == config.batchSize()) {
                    write(job, phase, batch, number);
                    done = number;
                    batch.clear();
                    pending = 0;
                }
            }
            if (last > done) {
                write(job, phase, batch, last);
            }
            done = last;
        }
        return true;
    }

    /** A line read; one the reader fails on is skipped with a reference to the log, not the job's end. */
    private FtmImport.Parsed parse(FtmImportJob job, int number, String line, boolean relationships) {
        try {
            return imports.parse(number, line, relationships);
        } catch (RuntimeException e) {
            return relationships ? null : imports.unreadable(number, message(job, e));
        }
    }

    /** The job's claim, asked again at most every {@link #CLAIM_CHECK}. */
    private static final class Claim {
        private final BooleanSupplier owned;
        private long checkedAt;
        private boolean held = true;
        private boolean checked;

        Claim(BooleanSupplier owned) {
            this.owned = owned;
        }

        boolean held() {
            long now = System.nanoTime();
            if (!checked || now - checkedAt > CLAIM_CHECK) {
                held = owned.getAsBoolean();
                checked = true;
                checkedAt = now;
            }
            return held;
        }
    }

    /**
     * A batch of a pass, up to line {@code cursor}; if its transaction fails, each line again on its own, so that one
     * line the registry refuses is skipped with the reason and the others are written.
     */
    private void write(FtmImportJob job, Phase phase, List<FtmImport.Parsed> batch, int cursor) {
        Map<UUID, EntityDto> created = new HashMap<>();
        try {
            created.putAll(step(job, phase, batch, cursor));
        } catch (RuntimeException e) {
            Log.warnf("FtM import %s: a batch up to line %d failed (%s); its lines are written one by one", job.id,
                    cursor, e.getMessage());
            for (int i = 0; i < batch.size(); i++) {
                FtmImport.Parsed line = batch.get(i);
                int upTo = i == batch.size() - 1 ? cursor : line.line();
                try {
                    created.putAll(step(job, phase, List.of(line), upTo));
                } catch (RuntimeException single) {
                    if (unavailable(single)) {
                        throw single; // not the line's fault: the job waits for the database
                    }
                    imports.failed(job.id, line, "could not be written: " + message(job, single), upTo);
                }
            }
        }
        if (phase == Phase.ENTITIES) {
            long started = System.nanoTime();
            try {
                imports.twins(job.id, store.find(job.id).orElseThrow().twinsLine, cursor, created);
            } catch (RuntimeException e) {
                // the lines are in: their twins are looked for again with the next batch's (from twins_line)
                Log.warnf("FtM import %s: looking for twins up to line %d failed (%s); tried again with the next "
                        + "batch", job.id, cursor, e.toString());
            }
            twinNanos += System.nanoTime() - started;
        }
    }

    /** Writes a batch; answers the entities it created. */
    private Map<UUID, EntityDto> step(FtmImportJob job, Phase phase, List<FtmImport.Parsed> batch, int cursor) {
        if (phase == Phase.ENTITIES) {
            return imports.entities(job.id, batch, cursor, job.createdBy);
        }
        imports.relationships(job.id, batch, cursor, job.createdBy);
        return Map.of();
    }

    /** Why a line could not be written, in the words of the registry's checks; anything else by reference. */
    private String message(FtmImportJob job, RuntimeException e) {
        if (e instanceof ProblemException problem) {
            return problem.getMessage();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        Log.errorf(e, "FtM import %s: a line could not be written (reference %s)", job.id, reference);
        return "an error (reference " + reference + ")";
    }
}
