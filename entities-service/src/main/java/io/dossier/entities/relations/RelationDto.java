package io.dossier.entities.relations;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A relation as the API shows it. */
public record RelationDto(UUID id, UUID subjectId, UUID objectId, RelationType type, String startDate,
        String endDate, List<Citation> citations, String createdBy, OffsetDateTime createdAt, long version) {

    /** The same relation with other citations (those a reader may see). */
    public RelationDto withCitations(List<Citation> shown) {
        return new RelationDto(id, subjectId, objectId, type, startDate, endDate, List.copyOf(shown), createdBy,
                createdAt, version);
    }

    public static RelationDto of(Relation r) {
        return new RelationDto(r.id, r.subjectId, r.objectId, r.type, r.startDate, r.endDate, List.copyOf(r.citations),
                r.createdBy, r.createdAt, r.version);
    }
}
