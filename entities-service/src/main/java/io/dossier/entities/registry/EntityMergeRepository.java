package io.dossier.entities.registry;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EntityMergeRepository implements PanacheRepositoryBase<EntityMerge, UUID> {
}
