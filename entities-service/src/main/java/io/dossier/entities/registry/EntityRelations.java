package io.dossier.entities.registry;

import java.util.List;
import java.util.UUID;

/**
 * What the registry needs of the relations between entities when it deletes, merges or unmerges one. The relations
 * package implements it: relations are built on entities, so the registry names this contract rather than their
 * classes, and the dependency runs one way only.
 */
public interface EntityRelations {

    /** Whether any relation has the entity as subject or object. */
    boolean any(UUID entityId);

    /**
     * Moves every relation of the loser to the survivor, dropping those between the two (an entity is not related to
     * itself), and says what moved so that {@link #moveBack} can undo it exactly.
     */
    Moved moveToSurvivor(UUID loserId, UUID survivorId);

    /**
     * Undoes {@link #moveToSurvivor}: the relations that moved go back to the loser where they are still on the
     * survivor, and the dropped ones come back unless they exist again.
     */
    void moveBack(UUID loserId, UUID survivorId, Moved moved);

    /** The relations a merge moved, by side, and those it dropped, as they were. */
    record Moved(List<UUID> subjectOf, List<UUID> objectOf, List<EntityMerge.DroppedRelation> dropped) {
    }
}
