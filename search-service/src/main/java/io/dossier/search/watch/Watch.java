package io.dossier.search.watch;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A saved search ({@code query} with its {@code filters}) or an entity ({@code entityId}) a user follows. */
@Entity
@Table(name = "watch")
public class Watch {

    @Id
    public UUID id;
    public String ownerId;
    public String ownerName;
    public String name;
    public String query;
    /** {@link WatchFilters} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String filters;
    public UUID entityId;
    /** The entity the watch was made for; {@link #entityId} follows it into a merge, and back when it is undone. */
    public UUID chosenEntityId;
    /** The registry names found in the query when it was saved ({@link WatchExpansion} list as JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String expansion;
    /** {@code app}, {@code immediate}, {@code hourly} or {@code daily}: see {@link WatchMailer}. */
    public String delivery = "app";
    /** Where e-mail goes: the owner's address when the watch was saved or last changed. */
    public String ownerEmail;
    public OffsetDateTime lastMailedAt;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    boolean watchesEntity() {
        return entityId != null;
    }
}
