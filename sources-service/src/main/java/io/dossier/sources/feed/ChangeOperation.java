package io.dossier.sources.feed;

public enum ChangeOperation {
    CREATED, UPDATED, DELETED
}
