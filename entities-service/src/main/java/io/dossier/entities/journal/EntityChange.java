package io.dossier.entities.journal;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An entry of the entities' change feed, written in the transaction of the change it records. */
@Entity
@Table(name = "entity_change")
public class EntityChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public UUID entityId;
    @Enumerated(EnumType.STRING)
    public ChangeOperation operation;
    public OffsetDateTime occurredAt;
}
