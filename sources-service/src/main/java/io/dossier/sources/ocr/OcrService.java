package io.dossier.sources.ocr;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.sources.extraction.DocumentExtractor;
import io.dossier.sources.extraction.DocumentFormat;
import io.dossier.sources.journal.ChangeJournal;
import io.dossier.sources.journal.ChangeOperation;
import io.dossier.sources.source.Source;
import io.dossier.sources.source.SourceOriginalRepository;
import io.dossier.sources.source.SourceRepository;
import io.dossier.sources.source.SourceStatus;

/**
 * The OCR workers' short transactions: what is waiting, a document's original, its progress, and its end (the text
 * stored and the source put on the change feed, or FAILED with the reason). The long work in between (Tesseract) runs
 * outside any transaction.
 */
@ApplicationScoped
public class OcrService {

    private final SourceRepository sources;
    private final SourceOriginalRepository originals;
    private final ChangeJournal journal;
    private final DocumentExtractor extractor;
    private final Tesseract tesseract;
    private final OcrConfig config;

    public OcrService(SourceRepository sources, SourceOriginalRepository originals, ChangeJournal journal,
            DocumentExtractor extractor, Tesseract tesseract, OcrConfig config) {
        this.sources = sources;
        this.originals = originals;
        this.journal = journal;
        this.extractor = extractor;
        this.tesseract = tesseract;
        this.config = config;
    }

    /** A document to read: its original and what OCR should read it as (null: found by a first pass). */
    record Work(UUID id, DocumentFormat format, byte[] content, String language) {
    }

    /** Whether files can be read by OCR here (on, and Tesseract installed). */
    public boolean available() {
        return tesseract.available();
    }

    /**
     * The Tesseract model to read an upload as: the language it was given, else its collection's default; null when
     * neither names an installed model (a first pass over the script decides).
     */
    public String languageFor(String language, String collection) {
        return tesseract.model(language)
                .or(() -> tesseract.model(config.collectionLanguages().get(collection)))
                .orElse(null);
    }

    /** The oldest sources waiting for OCR. */
    @Transactional
    List<UUID> waiting(int limit) {
        return sources.getEntityManager()
                .createQuery("select s.id from Source s where s.status = :status order by s.createdAt", UUID.class)
                .setParameter("status", SourceStatus.EXTRACTING).setMaxResults(limit).getResultList();
    }

    /** The work on a source still waiting for OCR; empty once it is not (read, failed, deleted). */
    @Transactional
    Optional<Work> work(UUID id) {
        Source source = sources.findById(id);
        if (source == null || source.status != SourceStatus.EXTRACTING) {
            return Optional.empty();
        }
        // stored under its format's media type: an image's, or a PDF's
        DocumentFormat format = DocumentFormat.of(source.contentType).orElse(DocumentFormat.PDF);
        return originals.findByIdOptional(id).map(o -> new Work(id, format, o.content, source.ocrLanguage));
    }

    /**
     * Progress while reading: the pages, those done, and the language chosen. False when the source is no longer
     * waiting (deleted meanwhile): the reading stops.
     */
    @Transactional
    boolean progress(UUID id, int pages, int done, String language) {
        return sources.update("pages = ?1, pagesDone = ?2, ocrLanguage = ?3 where id = ?4 and status = ?5", pages,
                done, language, id, SourceStatus.EXTRACTING) > 0;
    }

    /**
     * The text read: stored, its language found, the title taken from it when the upload gave none, and the source
     * put on the change feed. Nothing when the source was deleted or ended meanwhile.
     */
    @Transactional
    void finish(UUID id, String text, int pages, int ocrPages, String language) {
        finish(id, text, pages, ocrPages, language, null);
    }

    /**
     * As {@link #finish(UUID, String, int, int, String)}; {@code unread}: why some pages could not be read by OCR,
     * kept as the source's {@code statusReason} beside the text that was read (a PDF's text layer).
     */
    @Transactional
    void finish(UUID id, String text, int pages, int ocrPages, String language, String unread) {
        journal.lock();
        Source source = sources.findById(id);
        if (source == null || source.status != SourceStatus.EXTRACTING) {
            return;
        }
        source.pages = pages;
        source.pagesDone = pages;
        source.ocrPages = ocrPages;
        source.ocrLanguage = language;
        if (text.strip().isEmpty()) {
            source.status = SourceStatus.FAILED;
            source.statusReason = "No text was found on the " + (pages == 1 ? "page" : pages + " pages")
                    + " read by OCR (" + describe(language) + ")";
            source.text = "";
        } else {
            source.status = SourceStatus.EXTRACTED;
            source.statusReason = unread == null ? null : fit(unread);
            source.text = text.length() > DocumentExtractor.MAX_TEXT_CHARS
                    ? text.substring(0, DocumentExtractor.MAX_TEXT_CHARS)
                    : text;
            if (source.language == null) {
                source.language = extractor.language(source.text).orElse(null);
            }
            if (source.title == null || source.title.equals(source.originalName) || source.title.equals("Untitled")) {
                String title = DocumentExtractor.titleOf(source.text, source.originalName);
                source.title = title.length() > 1000 ? title.substring(0, 999) + "…" : title;
            }
        }
        sources.flush();
        journal.record(source.id, source.collection, ChangeOperation.CREATED);
    }

    /** The document could not be read: FAILED with the reason (its original kept), and on the change feed. */
    @Transactional
    void fail(UUID id, String reason, Integer pages, int done, int ocrPages) {
        journal.lock();
        Source source = sources.findById(id);
        if (source == null || source.status != SourceStatus.EXTRACTING) {
            return;
        }
        source.status = SourceStatus.FAILED;
        source.statusReason = fit(reason);
        source.pages = pages;
        source.pagesDone = done;
        source.ocrPages = ocrPages;
        source.text = "";
        sources.flush();
        journal.record(source.id, source.collection, ChangeOperation.CREATED);
    }

    private static String fit(String reason) {
        return reason.length() > 1900 ? reason.substring(0, 1900) + "…" : reason;
    }

    /** A Tesseract model code in words, for messages. */
    static String describe(String model) {
        if (model == null) {
            return "no language";
        }
        return String.join(" and ", java.util.Arrays.stream(model.split("\\+")).map(m -> switch (m) {
            case "ara" -> "Arabic";
            case "fas" -> "Persian";
            case "eng" -> "English";
            default -> m.toUpperCase(Locale.ROOT);
        }).toList());
    }
}
