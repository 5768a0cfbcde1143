package io.dossier.sources.extraction;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What was read out of a file: its text and the metadata found in it. {@code failure} is set, and the text empty,
 * when the file could not be read (corrupt, encrypted, no text in it). {@code needsOcr}: an image, or a PDF with pages
 * without a text layer, whose text (all of it, or the rest of it) OCR is to read.
 */
public record Extraction(DocumentFormat format, String text, String title, List<String> authors,
        OffsetDateTime publishedAt, String url, String publisher, String language, String failure,
        boolean needsOcr) {

    public Extraction(DocumentFormat format, String text, String title, List<String> authors,
            OffsetDateTime publishedAt, String url, String publisher, String language, String failure) {
        this(format, text, title, authors, publishedAt, url, publisher, language, failure, false);
    }

    public boolean failed() {
        return failure != null;
    }

    static Extraction failed(DocumentFormat format, String failure) {
        return new Extraction(format, "", null, List.of(), null, null, null, null, failure);
    }

    /** A file for OCR, with what could be read without it (a PDF's text layer on some pages, its metadata). */
    Extraction forOcr() {
        return new Extraction(format, text, title, authors, publishedAt, url, publisher, language, null, true);
    }
}
