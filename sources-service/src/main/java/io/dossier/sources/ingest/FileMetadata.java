package io.dossier.sources.ingest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the uploader says about a file. Each field given wins over what is extracted from the file; collection and
 * tags only come from here.
 */
public record FileMetadata(String collection, String title, String url, OffsetDateTime publishedAt, String publisher,
        List<String> authors, List<String> tags, String language) {

    public static FileMetadata of(String collection, List<String> tags) {
        return new FileMetadata(collection, null, null, null, null, List.of(), tags, null);
    }
}
