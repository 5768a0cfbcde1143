package io.dossier.entities.relations;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.entities.registry.EntityMerge;
import io.dossier.entities.registry.EntityRelations;

/** The relations' side of deleting, merging and unmerging entities. */
@ApplicationScoped
class RelationMoves implements EntityRelations {

    private final RelationRepository relations;

    RelationMoves(RelationRepository relations) {
        this.relations = relations;
    }

    @Override
    public boolean any(UUID entityId) {
        return relations.count("subjectId = ?1 or objectId = ?1", entityId) > 0;
    }

    @Override
    public Moved moveToSurvivor(UUID loserId, UUID survivorId) {
        List<UUID> subjectOf = new ArrayList<>();
        List<UUID> objectOf = new ArrayList<>();
        List<EntityMerge.DroppedRelation> dropped = new ArrayList<>();
        for (Relation r : relations.list("subjectId = ?1 or objectId = ?1", loserId)) {
            if (r.subjectId.equals(survivorId) || r.objectId.equals(survivorId)) {
                dropped.add(new EntityMerge.DroppedRelation(r.id, r.subjectId, r.objectId, r.type.name(),
                        r.startDate, r.endDate, r.citations.stream()
                                .map(c -> new EntityMerge.DroppedCitation(c.sourceId(), c.quote())).toList(),
                        r.createdBy, r.createdAt));
            } else {
                if (r.subjectId.equals(loserId)) {
                    subjectOf.add(r.id);
                }
                if (r.objectId.equals(loserId)) {
                    objectOf.add(r.id);
                }
            }
        }
        relations.update("subjectId = ?1 where subjectId = ?2", survivorId, loserId);
        relations.update("objectId = ?1 where objectId = ?2", survivorId, loserId);
        relations.delete("subjectId = objectId");
        return new Moved(subjectOf, objectOf, dropped);
    }

    @Override
    public void moveBack(UUID loserId, UUID survivorId, Moved moved) {
        if (!moved.subjectOf().isEmpty()) {
            relations.update("subjectId = ?1 where subjectId = ?2 and id in ?3", loserId, survivorId,
                    moved.subjectOf());
        }
        if (!moved.objectOf().isEmpty()) {
            relations.update("objectId = ?1 where objectId = ?2 and id in ?3", loserId, survivorId,
                    moved.objectOf());
        }
        for (EntityMerge.DroppedRelation d : moved.dropped()) {
            if (relations.findByIdOptional(d.id()).isEmpty()) {
                Relation r = new Relation();
                r.id = d.id();
                r.subjectId = d.subjectId();
                r.objectId = d.objectId();
                r.type = RelationType.valueOf(d.type());
                r.startDate = d.startDate();
                r.endDate = d.endDate();
                r.citations = new ArrayList<>(
                        d.citations().stream().map(c -> new Citation(c.sourceId(), c.quote())).toList());
                r.createdBy = d.createdBy();
                r.createdAt = d.createdAt();
                relations.persist(r);
            }
        }
    }
}
