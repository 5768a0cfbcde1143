package io.dossier.sources.imports;

public enum ItemOutcome {
    CREATED, DUPLICATE, FAILED
}
