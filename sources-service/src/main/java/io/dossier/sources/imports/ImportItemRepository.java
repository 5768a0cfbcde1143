package io.dossier.sources.imports;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ImportItemRepository implements PanacheRepositoryBase<ImportItem, ImportItem.Key> {
}
