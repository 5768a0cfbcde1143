package io.dossier.sources.ocr;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** OCR of images and of PDF pages without a text layer, with Tesseract (`dossier.sources.ocr.*`). */
@ConfigMapping(prefix = "dossier.sources.ocr")
public interface OcrConfig {

    /** Off: images are refused with the reason, and a PDF without a text layer fails as before. */
    @WithDefault("true")
    boolean enabled();

    /** The Tesseract program (on the PATH, or a full path). */
    @WithDefault("tesseract")
    String command();

    /**
     * Documents read at the same time on this instance; each Tesseract run uses one core, so OCR never takes more
     * than this many cores from ingest.
     */
    @WithDefault("1")
    int workers();

    /**
     * The scheduling priority Tesseract runs at ({@code nice}, 0 to 19; 0: as the service): OCR is background work,
     * so ingest and search keep the cores they need when both compete.
     */
    @WithDefault("10")
    int niceness();

    /** The longest one page may take; a page over it fails its document, with the reason. */
    @WithDefault("60s")
    Duration pageBudget();

    /** The longest one document may take, all pages together. */
    @WithDefault("15m")
    Duration documentBudget();

    /** Most pages read by OCR in one document; a document needing more fails before any is decoded. */
    @WithDefault("300")
    int maxPages();

    /**
     * Most pixels of one page image, checked from the image's header before it is decoded (a decompression bomb
     * declares far more); a PDF page larger than this at {@link #dpi()} is rendered at a lower resolution instead.
     */
    @WithDefault("40000000")
    long maxPixels();

    /** The resolution PDF pages without text are rendered at for OCR. */
    @WithDefault("300")
    int dpi();

    /** How often idle workers look for documents to read that no upload woke them for (another instance's, say). */
    @WithDefault("10s")
    Duration pollInterval();

    /**
     * Each collection's default language for OCR (ISO 639-1: ar, fa, en), when an upload names none; a collection
     * without one has its language found by a first pass over the script.
     */
    Map<String, String> collectionLanguages();
}
