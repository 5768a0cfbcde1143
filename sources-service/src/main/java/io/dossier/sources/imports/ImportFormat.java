package io.dossier.sources.imports;

/** What a bulk import is made of. */
public enum ImportFormat {
    /** A ZIP archive of files, each ingested like an upload. */
    ZIP,
    /** JSON Lines: one source per line, in the shape of a JSON ingest. */
    JSONL
}
