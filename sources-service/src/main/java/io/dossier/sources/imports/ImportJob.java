package io.dossier.sources.imports;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A bulk import: its spooled input, where it stands, and the counts so far. */
@Entity
@Table(name = "import_job")
public class ImportJob {

    @Id
    public UUID id;
    @Enumerated(EnumType.STRING)
    public ImportFormat format;
    /** Collection of every source it creates, unless a JSONL line names its own. */
    public String collection;
    /**
     * The collections its creator could read when it was started, null for all: every item is held to them, as a
     * direct post by that caller would be.
     */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(64)[]")
    public List<String> readable;
    /** The collections it stored sources in or found them in (duplicates), so far. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "varchar(64)[]")
    public List<String> written = new ArrayList<>();
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();
    @Enumerated(EnumType.STRING)
    public ImportStatus status;
    public String statusReason;
    public String spoolPath;
    public Integer total;
    public int processed;
    public int created;
    public int duplicates;
    public int failed;
    public String createdBy;
    public OffsetDateTime createdAt;
    public OffsetDateTime startedAt;
    public OffsetDateTime finishedAt;
}
