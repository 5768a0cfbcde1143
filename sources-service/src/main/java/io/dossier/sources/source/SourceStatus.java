package io.dossier.sources.source;

/**
 * Where a source stands: EXTRACTED with its text; EXTRACTING while OCR reads its pages (not yet on the change feed);
 * FAILED with the reason when its file could not be read. PENDING is not used any more (kept for old rows).
 */
public enum SourceStatus {
    PENDING, EXTRACTING, EXTRACTED, FAILED
}
