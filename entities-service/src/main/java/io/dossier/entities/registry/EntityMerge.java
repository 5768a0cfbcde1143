package io.dossier.entities.registry;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One merge, with what is needed to undo it (Flyway V8). */
@Entity
@Table(name = "entity_merge")
public class EntityMerge {

    @Id
    public UUID id;
    public UUID survivorId;
    public UUID loserId;
    public String mergedBy;
    public OffsetDateTime mergedAt;
    /** The survivor as it was just before ({@link EntityDto}, JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String survivorBefore;
    /** The loser as it was just before ({@link EntityDto}, JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String loserBefore;
    /** What moved ({@link Moved}, JSON). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public String moved;
    public String undoneBy;
    public OffsetDateTime undoneAt;

    /**
     * What a merge moved: the relations whose subject or object went from the loser to the survivor, the relations
     * between the two (dropped, as an entity is not related to itself), the entities merged into the loser before
     * (which then pointed at the survivor), and exactly the names, attribute values and tags the survivor gained.
     */
    public record Moved(java.util.List<UUID> subjectOf, java.util.List<UUID> objectOf,
            java.util.List<DroppedRelation> dropped, java.util.List<UUID> repointed, java.util.List<String> addedNames,
            java.util.Map<String, java.util.List<String>> addedAttributes, java.util.List<String> addedTags) {
    }

    /** A relation the merge dropped, as it was. */
    public record DroppedRelation(UUID id, UUID subjectId, UUID objectId, String type, String startDate,
            String endDate, java.util.List<DroppedCitation> citations, String createdBy, OffsetDateTime createdAt) {
    }

    public record DroppedCitation(UUID sourceId, String quote) {
    }
}
