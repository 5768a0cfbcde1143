package io.dossier.sources.ocr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import io.dossier.common.jobs.JobLock;
import io.dossier.sources.extraction.DocumentExtractor;
import io.dossier.sources.source.ExtractionQueued;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The OCR workers: {@code workers} threads, each reading one document at a time, page by page, with Tesseract. A
 * document is claimed with a PostgreSQL advisory lock ({@link JobLock}), so of several instances one reads it; a
 * document left half-read (a stop, a crash) stays EXTRACTING and is read again from its first page by whichever
 * instance looks next. Workers wake when an upload queues a document, and look every {@code poll-interval} besides.
 */
@ApplicationScoped
public class OcrRunner {

    /** Between pages of the stored text: a form feed on a line of its own (a page break in plain text). */
    public static final String PAGE_BREAK = "\n\f\n";

    private final OcrService ocr;
    private final Tesseract tesseract;
    private final OcrConfig config;
    private final DocumentExtractor extractor;
    @Inject
    javax.sql.DataSource dataSource;

    private final Object signal = new Object();
    private final AtomicLong wakeups = new AtomicLong();
    /** Documents being read on this instance (an advisory lock is re-entrant within one session, not across). */
    private final Set<UUID> here = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;
    private ExecutorService workers;

    public OcrRunner(OcrService ocr, Tesseract tesseract, OcrConfig config, DocumentExtractor extractor) {
        this.ocr = ocr;
        this.tesseract = tesseract;
        this.config = config;
        this.extractor = extractor;
    }

    void start(@Observes StartupEvent start) {
        if (!tesseract.available()) {
            Log.infof("OCR is off (dossier.sources.ocr.enabled=%s, or %s not installed): images are refused",
                    config.enabled(), config.command());
            return;
        }
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.workers(), r -> {
            Thread thread = new Thread(r, "dossier-ocr-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < config.workers(); i++) {
            workers.execute(this::loop);
        }
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) ExtractionQueued queued) {
        synchronized (signal) {
            wakeups.incrementAndGet();
            signal.notifyAll();
        }
    }

    void stop(@Observes ShutdownEvent stop) throws InterruptedException {
        stopping = true;
        if (workers != null) {
            synchronized (signal) {
                signal.notifyAll();
            }
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void loop() {
        while (!stopping) {
            long seen = wakeups.get();
            boolean worked;
            try {
                worked = workOne();
            } catch (RuntimeException e) {
                Log.warnf(e, "OCR: looking for documents to read failed; trying again later");
                worked = false;
            }
            if (!worked) {
                synchronized (signal) {
                    if (wakeups.get() == seen && !stopping) {
                        try {
                            signal.wait(Math.max(1, config.pollInterval().toMillis()));
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            }
        }
    }

    /**
     * Reads the oldest waiting document no one else is reading; whether there was one that could be worked (false
     * also when OCR cannot run here now: the worker then waits before looking again).
     */
    boolean workOne() {
        for (UUID id : ocr.waiting(20)) {
            if (stopping) {
                return false;
            }
            if (!here.add(id)) {
                continue;
            }
            try (Connection connection = dataSource.getConnection();
                    JobLock lock = JobLock.tryLock(connection, id)) {
                if (lock == null) {
                    continue; // another instance reads it
                }
                return read(id, lock);
            } catch (SQLException e) {
                Log.warnf("OCR: the database did not answer (%s); trying again later", e.getMessage());
                return false;
            } finally {
                here.remove(id);
            }
        }
        return false;
    }

    /** One document being read: its pages' texts as they come, and how far it got. */
    private static final class Reading {

        String[] texts = new String[0];
        int count;
        int page;
        int read;
        String language;
        boolean textLayer;

        /** The text layers, and the pages OCR read before it stopped. */
        String partial() {
            List<String> kept = new ArrayList<>();
            for (String text : texts) {
                if (text != null) {
                    kept.add(text);
                }
            }
            return String.join(PAGE_BREAK, kept);
        }
    }

    /**
     * Reads one document, page by page. It ends EXTRACTED, or FAILED with the reason; a PDF with a text layer whose
     * scanned pages cannot be read keeps the text it has, with the reason. False when OCR could not run here now:
     * the document stays EXTRACTING for a later try.
     */
    private boolean read(UUID id, JobLock lock) {
        OcrService.Work work = ocr.work(id).orElse(null);
        if (work == null) {
            return true;
        }
        long started = System.nanoTime();
        long deadline = started + config.documentBudget().toNanos();
        Reading r = new Reading();
        r.language = work.language();
        try (OcrPages pages = OcrPages.open(work.content(), work.format(), config)) {
            r.count = pages.count();
            r.texts = new String[r.count];
            r.textLayer = pages.hasTextLayer();
            for (int i = 0; i < r.count; i++) {
                String layer = pages.textLayer(i);
                r.texts[i] = layer == null ? null : DocumentExtractor.tidy(layer);
            }
            String tooMany = pages.tooMany();
            if (tooMany != null) {
                end(id, r, tooMany);
                return true;
            }
            if (!ocr.progress(id, r.count, 0, r.language)) {
                return true; // deleted meanwhile
            }
            for (r.page = 0; r.page < r.count; r.page++) {
                if (stopping || !lock.held()) {
                    Log.infof("OCR of source %s stopped at page %d of %d; it is read again later", id, r.page + 1,
                            r.count);
                    return true;
                }
                if (r.texts[r.page] == null) {
                    Path image = pages.image(r.page);
                    try {
                        if (r.language == null) {
                            r.language = firstPass(image, budget(deadline));
                        }
                        r.texts[r.page] = DocumentExtractor.tidy(tesseract.read(image, r.language,
                                budget(deadline)));
                        r.read++;
                    } finally {
                        Files.deleteIfExists(image);
                    }
                }
                if (!ocr.progress(id, r.count, r.page + 1, r.language)) {
                    Log.infof("OCR of source %s stopped: the source was deleted", id);
                    return true;
                }
            }
            ocr.finish(id, r.partial(), r.count, r.read, r.language);
            Log.infof("OCR of source %s: %d pages (%d read by OCR, as %s) in %d ms", id, r.count, r.read, r.language,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (OcrPages.Refused e) {
            end(id, r, e.getMessage());
        } catch (Tesseract.PageFailure e) {
            end(id, r, System.nanoTime() >= deadline
                    ? "OCR took longer than the " + config.documentBudget().toSeconds() + " s a document may take ("
                            + r.page + " of " + r.count + " pages read)"
                    : "Page " + (r.page + 1) + " of " + r.count + " " + e.getMessage());
        } catch (Tesseract.Unavailable | IOException e) {
            // nothing wrong with the document: it waits, and is tried again after the poll interval
            Log.warnf("OCR of source %s put off: %s", id, e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            String reference = UUID.randomUUID().toString();
            Log.errorf(e, "OCR of source %s stopped on an internal error (reference %s)", id, reference);
            end(id, r, "OCR stopped on an internal error (reference " + reference + ")");
        }
        return true;
    }

    /** A reading that cannot go on: the text it has if the document has a text layer, else FAILED. */
    private void end(UUID id, Reading r, String reason) {
        if (r.textLayer) {
            ocr.finish(id, r.partial(), r.count, r.read, r.language, "Not all pages were read by OCR: " + reason);
        } else {
            ocr.fail(id, reason, r.count == 0 ? null : r.count, r.page, r.read);
        }
    }

    /** What is left of the document's budget for one page, at most the page's own. */
    private Duration budget(long deadline) {
        long left = Math.max(0, deadline - System.nanoTime());
        return Duration.ofNanos(Math.min(left, config.pageBudget().toNanos()));
    }

    /**
     * The language of a document no one named: its first page read as Arabic, Persian and English at once, then
     * {@link #language}.
     */
    private String firstPass(Path image, Duration budget)
            throws Tesseract.PageFailure, Tesseract.Unavailable, InterruptedException {
        String all = tesseract.model(Tesseract.FIRST_PASS).or(() -> tesseract.model("ara+eng")).orElse(null);
        if (all == null) {
            return tesseract.model("en").orElse("eng");
        }
        String text = tesseract.read(image, all, budget);
        return language(text, extractor.language(text).orElse(null));
    }

    /**
     * The model to read a page as, from a first pass's text and the language detected in it: Arabic script is
     * Persian when the detector says so or when letters only Persian has (پ چ ژ گ) make at least 0.5% of its letters, else
     * Arabic; Latin script is English unless the detector names another installed model.
     */
    String language(String firstPass, String detected) {
        long arabic = 0;
        long latin = 0;
        long persian = 0;
        for (int i = 0; i < firstPass.length(); i++) {
            char c = firstPass.charAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(c);
            if (script == Character.UnicodeScript.ARABIC) {
                arabic++;
                if (c == 'پ' || c == 'چ' || c == 'ژ' || c == 'گ') {
                    persian++;
                }
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        if (arabic > latin) {
            // a share, not a count: an Iraqi name spelled with گ in an Arabic statement does not make it Persian
            boolean farsi = "fa".equals(detected) || persian >= 2 && persian * 200 >= arabic;
            return tesseract.model(farsi ? "fa" : "ar").or(() -> tesseract.model("ar")).orElse("eng");
        }
        return tesseract.model(detected).filter(m -> !m.equals("ara") && !m.equals("fas"))
                .or(() -> tesseract.model("en")).orElse("eng");
    }
}
