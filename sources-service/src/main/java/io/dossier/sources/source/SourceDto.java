package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A source as the API shows it; {@code ocr} only for a source whose text is (being) read by OCR. */
public record SourceDto(UUID id, String collection, String title, List<String> authors, String text, String url,
        OffsetDateTime publishedAt, String publisher, String language, String contentType, String originalName,
        String sha256, long size, SourceStatus status, String statusReason, List<String> tags, String createdBy,
        OffsetDateTime createdAt,
        @Schema(description = "Who changed the source last (its metadata or tags); absent until someone has") String updatedBy,
        OffsetDateTime updatedAt, long version, Ocr ocr) {

    /**
     * OCR's progress and outcome: the document's pages, those read so far, how many of them needed OCR (a PDF's
     * pages with a text layer are taken as they are), and what they were read as.
     */
    public record Ocr(
            @Schema(description = "Pages in the document (known once the worker has opened it)") Integer pages,
            @Schema(description = "Pages read so far; all of them once EXTRACTED") int pagesDone,
            @Schema(description = "How many of the pages were read by OCR") Integer ocrPages,
            @Schema(description = "What OCR read the text as, in Tesseract's language codes (ara, fas, eng)", example = "ara") String language) {
    }

    public static SourceDto of(Source s) {
        Ocr ocr = s.status == SourceStatus.EXTRACTING || s.ocrPages != null
                ? new Ocr(s.pages, s.pagesDone == null ? 0 : s.pagesDone, s.ocrPages, s.ocrLanguage)
                : null;
        return new SourceDto(s.id, s.collection, s.title, List.copyOf(s.authors), s.text, s.url, s.publishedAt,
                s.publisher, s.language, s.contentType, s.originalName, s.sha256, s.size, s.status, s.statusReason,
                List.copyOf(s.tags), s.createdBy, s.createdAt, s.updatedBy, s.updatedAt, s.version, ocr);
    }
}
