package io.dossier.sources.source;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A source document: what an analyst or integrator brought in, with its text and metadata. */
@Entity
@Table(name = "source")
public class Source {

    @Id
    public UUID id;
    public String collection;
    public String title;
    @Column(columnDefinition = "text")
    public String text;
    public String url;
    public OffsetDateTime publishedAt;
    public String publisher;
    public String contentType;
    public String sha256;
    public long size;
    @Enumerated(EnumType.STRING)
    public SourceStatus status;
    public String createdBy;
    public OffsetDateTime createdAt;
    @Version
    public long version;
}
