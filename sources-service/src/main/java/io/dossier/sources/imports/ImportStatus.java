package io.dossier.sources.imports;

public enum ImportStatus {
    /** Accepted and spooled, waiting for a worker. */
    QUEUED, RUNNING,
    /** Every item was worked through; some may have failed (see the counts). */
    COMPLETED,
    /** The job itself stopped (e.g. its archive expanded beyond the limit); items done so far stay. */
    FAILED
}
