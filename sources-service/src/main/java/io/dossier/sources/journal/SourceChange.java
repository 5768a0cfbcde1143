package io.dossier.sources.journal;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One entry of the change feed (the outbox): what happened to which source, in commit order. */
@Entity
@Table(name = "source_change")
public class SourceChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID sourceId;
    @Enumerated(EnumType.STRING)
    public ChangeOperation operation;
    public String collection;
    /** On a change that moved the source: the collection it left. */
    @Column(name = "previous_collection")
    public String previousCollection;
    public OffsetDateTime occurredAt;
}
