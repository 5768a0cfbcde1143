package io.dossier.entities.ftm;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An FtM import: where it stands (phase and line) and the counts so far. Its input waits in chunks. */
@Entity
@Table(name = "ftm_import")
public class FtmImportJob {

    public enum Status {
        /** The upload is being received. */
        RECEIVING, QUEUED, RUNNING, COMPLETED, FAILED
    }

    public enum Phase {
        /** First pass: people, organisations, places and events. */
        ENTITIES,
        /** Second pass: the relationships between them. */
        RELATIONSHIPS
    }

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public Status status;
    public String statusReason;
    @Enumerated(EnumType.STRING)
    public Phase phase;
    public int cursorLine;
    public int twinsLine;
    public int totalLines;
    public long totalBytes;
    public int created;
    public int possibleTwins;
    public int updated;
    public int unchanged;
    public int relationsCreated;
    public int relationsUnchanged;
    public int skipped;
    public String createdBy;
    public OffsetDateTime createdAt;
    /** When the upload's last chunk arrived. */
    public OffsetDateTime receivedAt;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
}
