package io.dossier.sources.note;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An analyst's note on a passage of a source's text. */
@Entity
@Table(name = "source_note")
public class Note {

    @Id
    public UUID id;
    @Column(name = "source_id")
    public UUID sourceId;
    /** The passage: [start, end) in UTF-16 code units of the source's text. */
    @Column(name = "start_at")
    public int start;
    @Column(name = "end_at")
    public int end;
    /** The passage's words, as the text had them when the note was written. */
    public String quote;
    public String body;
    /** The user who wrote it (their user name). */
    public String author;
    public OffsetDateTime createdAt;
    /** Who changed it last (the author or an editor); null until changed. */
    public String updatedBy;
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
