package io.dossier.entities.history;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class EntityRevisionRepository implements PanacheRepositoryBase<EntityRevision, Long> {
}
