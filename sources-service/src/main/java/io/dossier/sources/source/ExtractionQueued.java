package io.dossier.sources.source;

/** Fired when stored sources wait for OCR (status EXTRACTING): observed after the commit, to wake the workers. */
public record ExtractionQueued(int sources) {
}
