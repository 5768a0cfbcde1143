package io.dossier.sources.source;

import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of a source exactly as they came in, kept apart so that reading a source never loads them. */
@Entity
@Table(name = "source_original")
public class SourceOriginal {

    @Id
    public UUID sourceId;
    public String contentType;
    public String filename;
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "bytea")
    public byte[] content;
}
