package io.dossier.sources.ingest;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.sources.extraction.DocumentExtractor;
import io.dossier.sources.extraction.Extraction;
import io.dossier.sources.extraction.UnsupportedFormatException;
import io.dossier.sources.ocr.OcrService;
import io.dossier.sources.source.CreateSourceRequest;
import io.dossier.sources.source.Source;
import io.dossier.sources.source.SourceDto;
import io.dossier.sources.source.SourceMeters;
import io.dossier.sources.source.SourceService;
import io.dossier.sources.source.SourceService.Ingested;
import io.dossier.sources.source.SourceService.NewSource;
import io.dossier.sources.source.SourceStatus;

/**
 * Turns what comes in (JSON text, an uploaded file, an item of a bulk import) into sources: hashes it, skips
 * content already stored, extracts text and metadata, and hands the result to {@link SourceService} to store.
 */
@ApplicationScoped
public class IngestService {

    public static final String DEFAULT_COLLECTION = "open";

    private final SourceService sources;
    private final DocumentExtractor extractor;
    private final OcrService ocr;
    private final SourceMeters meters;

    public IngestService(SourceService sources, DocumentExtractor extractor, OcrService ocr, SourceMeters meters) {
        this.sources = sources;
        this.extractor = extractor;
        this.ocr = ocr;
        this.meters = meters;
    }

    public Ingested ingest(CreateSourceRequest request, String createdBy) {
        return sources.store(List.of(fromJson(request, null, List.of(), createdBy))).get(0);
    }

    /**
     * Ingests one file. The same bytes again give back the stored source without reading them a second time.
     *
     * @throws UnsupportedFormatException when the file is of no format Dossier takes (nothing is stored)
     */
    public Ingested ingest(byte[] content, String filename, FileMetadata metadata, String createdBy) {
        Optional<SourceDto> stored = sources.findBySha256(SourceService.sha256(content));
        if (stored.isPresent()) {
            return new Ingested(stored.get(), true);
        }
        return sources.store(List.of(fromFile(content, filename, metadata, createdBy))).get(0);
    }

    /** A source from JSON; {@code collection} and {@code tags} are the defaults of an import, if any. */
    public NewSource fromJson(CreateSourceRequest request, String collection, List<String> tags, String createdBy) {
        byte[] content = request.text().getBytes(StandardCharsets.UTF_8);
        Source source = new Source();
        source.collection = collection(request.collection(), collection);
        source.title = request.title().strip();
        source.authors = strip(request.authors());
        source.text = request.text();
        source.url = request.url();
        source.publishedAt = utc(request.publishedAt());
        source.publisher = request.publisher();
        source.language = request.language() != null
                ? request.language()
                : extractor.language(request.text()).orElse(null);
        source.contentType = "text/plain";
        source.sha256 = SourceService.sha256(content);
        source.size = content.length;
        source.status = SourceStatus.EXTRACTED;
        source.tags = merge(tags, request.tags());
        source.createdBy = createdBy;
        return new NewSource(source, null);
    }

    /** The collection a source goes to: its own, else the import's, else the default one. */
    public static String collection(String own, String importDefault) {
        return first(own, importDefault, DEFAULT_COLLECTION);
    }

    /**
     * A source from a file: EXTRACTED with its text, EXTRACTING when OCR is to read it, or FAILED with the reason
     * when the file cannot be read (the original is kept either way).
     *
     * @throws UnsupportedFormatException when the file is of no format Dossier takes
     */
    public NewSource fromFile(byte[] content, String filename, FileMetadata metadata, String createdBy) {
        Extraction extraction = meters.extraction(() -> extractor.extract(content, filename),
                e -> e.format().mediaType());
        Source source = new Source();
        source.collection = first(metadata.collection(), DEFAULT_COLLECTION);
        source.contentType = extraction.format().mediaType();
        source.originalName = filename == null || filename.length() <= 500
                ? filename
                : "…" + filename.substring(filename.length() - 499);
        source.sha256 = SourceService.sha256(content);
        source.size = content.length;
        source.tags = merge(metadata.tags(), List.of());
        source.createdBy = createdBy;
        source.url = first(metadata.url(), extraction.url());
        source.publishedAt = utc(metadata.publishedAt() != null ? metadata.publishedAt() : extraction.publishedAt());
        source.publisher = first(metadata.publisher(), extraction.publisher());
        source.authors = strip(metadata.authors() == null || metadata.authors().isEmpty()
                ? extraction.authors()
                : metadata.authors());
        if (extraction.needsOcr()) {
            readLater(source, extraction, filename, metadata);
        } else if (extraction.failed()) {
            source.status = SourceStatus.FAILED;
            source.statusReason = extraction.failure();
            source.text = "";
            source.title = first(metadata.title(), filename, "Untitled");
            source.language = metadata.language();
        } else {
            source.status = SourceStatus.EXTRACTED;
            source.text = extraction.text();
            source.title = first(metadata.title(), extraction.title());
            source.language = first(metadata.language(), extraction.language());
        }
        if (source.language != null && !source.language.matches("[a-z]{2,3}")) {
            source.language = null;
        }
        source.title = fit(source.title, 1000);
        source.publisher = fit(source.publisher, 300);
        source.url = source.url != null && source.url.length() <= 2048 && source.url.matches("https?://\\S+")
                ? source.url
                : null;
        return new NewSource(source, content);
    }

    /**
     * A file whose text (or part of it) OCR is to read: EXTRACTING until a worker has read it, with the language to
     * read it as when the upload or its collection names one. Without OCR here: the text it has (a PDF's text
     * layer), or FAILED with the reason.
     */
    private void readLater(Source source, Extraction extraction, String filename, FileMetadata metadata) {
        String title = first(metadata.title(), extraction.title());
        if (ocr.available()) {
            source.status = SourceStatus.EXTRACTING;
            source.text = "";
            source.title = first(title, filename, "Untitled");
            source.language = metadata.language();
            source.ocrLanguage = ocr.languageFor(metadata.language(), source.collection);
            source.pagesDone = 0;
            return;
        }
        String text = extraction.text().strip();
        if (text.isEmpty()) {
            source.status = SourceStatus.FAILED;
            source.statusReason = (extraction.format().image()
                    ? "Images are read by OCR"
                    : "No text found in the PDF file: its pages are scans, read by OCR")
                    + ", which is not available on this installation";
            source.text = "";
            source.title = first(title, filename, "Untitled");
            source.language = metadata.language();
        } else {
            source.status = SourceStatus.EXTRACTED;
            source.text = text;
            source.title = first(title, DocumentExtractor.titleOf(text, filename));
            source.language = first(metadata.language(), extractor.language(text).orElse(null));
        }
    }

    private static String first(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** Dates are kept in UTC, as the database gives them back. */
    private static OffsetDateTime utc(OffsetDateTime date) {
        return date == null ? null : date.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    private static List<String> strip(List<String> names) {
        List<String> stripped = new ArrayList<>();
        if (names != null) {
            names.stream().map(String::strip).filter(n -> !n.isEmpty()).map(n -> fit(n, 300)).distinct()
                    .limit(50).forEach(stripped::add);
        }
        return stripped;
    }

    private static List<String> merge(List<String> defaults, List<String> own) {
        List<String> tags = new ArrayList<>();
        for (List<String> list : List.of(defaults == null ? List.<String>of() : defaults,
                own == null ? List.<String>of() : own)) {
            list.stream().filter(t -> !tags.contains(t)).forEach(tags::add);
        }
        return tags;
    }
}
