package io.dossier.sources.journal;

public enum ChangeOperation {
    CREATED, UPDATED, DELETED
}
