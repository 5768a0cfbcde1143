package io.dossier.entities.journal;

public enum ChangeOperation {
    CREATED, UPDATED, DELETED,
    /** The entity was merged into another; its names now belong to that one. */
    MERGED
}
