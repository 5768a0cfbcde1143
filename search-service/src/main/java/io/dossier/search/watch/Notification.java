package io.dossier.search.watch;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A document that newly matched a watch: one per (watch, document), written by {@link WatchEvaluator}. */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID watchId;
    public String ownerId;
    public String documentId;
    public String collection;
    public String title;
    public String reason;
    public OffsetDateTime sourceCreatedAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime readAt;
    public OffsetDateTime mailedAt;
}
