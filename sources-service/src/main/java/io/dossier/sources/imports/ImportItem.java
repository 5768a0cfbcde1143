package io.dossier.sources.imports;

import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** What became of one item of an import: the source it gave, or why it failed. */
@Entity
@Table(name = "import_item")
@IdClass(ImportItem.Key.class)
public class ImportItem {

    @Id
    public UUID jobId;
    /** The entry's index in the archive, or the line number in a JSONL stream (both from 1). */
    @Id
    public int position;
    /** The entry's path in the archive, or "line N". */
    public String name;
    @Enumerated(EnumType.STRING)
    public ItemOutcome outcome;
    public UUID sourceId;
    /** The collection of its source, or the one it asked for when it failed. */
    public String collection;
    public String reason;

    public static class Key implements Serializable {
        public UUID jobId;
        public int position;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.jobId, jobId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(jobId, position);
        }
    }
}
