package io.dossier.entities.relations;

/** How one entity stands to another (subject → object). */
public enum RelationType {
    MEMBER_OF, LEADER_OF, PART_OF, ALLIED_WITH, SPLINTER_OF, LOCATED_IN, FOUNDED, SUCCESSOR_OF, RIVAL_OF, FUNDED_BY, ASSOCIATE_OF
}
