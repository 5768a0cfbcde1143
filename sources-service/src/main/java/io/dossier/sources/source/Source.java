package io.dossier.sources.source;

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
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A source document: what an analyst or integrator brought in, with its text and metadata. */
@Entity
@Table(name = "source")
public class Source {

    @Id
    public UUID id;
    public String collection;
    public String title;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> authors = new ArrayList<>();
    @Column(columnDefinition = "text")
    public String text;
    public String url;
    public OffsetDateTime publishedAt;
    public String publisher;
    /** ISO 639-1 code of the text's language; null when the text is too short to tell. */
    public String language;
    public String contentType;
    /** Name of the uploaded file, if it came as one. */
    public String originalName;
    public String sha256;
    public long size;
    @Enumerated(EnumType.STRING)
    public SourceStatus status;
    /** Why a FAILED source could not be read. */
    public String statusReason;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();
    /** The document's pages, when it has pages (OCR); null otherwise. */
    public Integer pages;
    /** Pages read so far while EXTRACTING, then all of them. */
    public Integer pagesDone;
    /** How many of the pages were read by OCR (the others had a text layer). */
    public Integer ocrPages;
    /**
     * What OCR reads the text as, in Tesseract's codes ("ara", "fas", "eng", "ara+eng"): chosen at upload (from the
     * language given or the collection's default) or, when null, from a first pass over the script.
     */
    public String ocrLanguage;
    public String createdBy;
    public OffsetDateTime createdAt;
    /** Who changed the source last (its metadata or tags), and when; null until then. */
    public String updatedBy;
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
