package io.dossier.entities.ftm;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class FtmImportJobRepository implements PanacheRepositoryBase<FtmImportJob, UUID> {
}
