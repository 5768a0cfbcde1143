package io.dossier.entities.ftm;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FtmImportItemRepository implements PanacheRepositoryBase<FtmImportItem, FtmImportItem.Key> {
}
