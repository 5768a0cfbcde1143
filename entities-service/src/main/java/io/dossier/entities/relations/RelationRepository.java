package io.dossier.entities.relations;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class RelationRepository implements PanacheRepositoryBase<Relation, UUID> {
}
