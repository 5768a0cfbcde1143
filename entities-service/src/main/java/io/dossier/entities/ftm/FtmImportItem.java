package io.dossier.entities.ftm;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What became of one line of an FtM import. */
@Entity
@Table(name = "ftm_import_item")
@IdClass(FtmImportItem.Key.class)
public class FtmImportItem {

    /** The key: the import and the line. */
    public static class Key implements Serializable {
        public UUID importId;
        public int line;

        public Key() {
        }

        public Key(UUID importId, int line) {
            this.importId = importId;
            this.line = line;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.line == line && java.util.Objects.equals(key.importId, importId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(importId, line);
        }
    }

    @Id
    public UUID importId;
    @Id
    public int line;
    public String ftmId;
    public String schemaName;
    public String outcome;
    public UUID entityId;
    public String note;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "uuid[]")
    public List<UUID> twinOf;

    static FtmImportItem of(UUID importId, FtmImport.Item item) {
        FtmImportItem row = new FtmImportItem();
        row.importId = importId;
        row.line = item.line();
        row.ftmId = item.id();
        row.schemaName = item.schema() == null
                ? null
                : item.schema().substring(0, Math.min(64,
                        item.schema().length()));
        row.outcome = item.outcome();
        row.entityId = item.entityId();
        row.note = item.note();
        row.twinOf = item.twinOf() == null || item.twinOf().isEmpty() ? null : List.copyOf(item.twinOf());
        return row;
    }

    FtmImport.Item toItem() {
        return new FtmImport.Item(line, ftmId, schemaName, outcome, entityId, note, twinOf == null
                ? List.of()
                : List.copyOf(twinOf));
    }
}
