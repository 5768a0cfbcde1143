package io.dossier.sources.source;

public enum SourceStatus {
    PENDING, EXTRACTED, FAILED
}
