package io.dossier.sources.extraction;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What was read out of a file: its text and the metadata found in it. {@code failure} is set, and the text empty,
 * when the file could not be read (corrupt, encrypted, no text in it).
 */
public record Extraction(DocumentFormat format, String text, String title, List<String> authors,
        OffsetDateTime publishedAt, String url, String publisher, String language, String failure) {

    public boolean failed() {
        return failure != null;
    }

    static Extraction failed(DocumentFormat format, String failure) {
        return new Extraction(format, "", null, List.of(), null, null, null, null, failure);
    }
}
