package io.dossier.sources.source;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SourceOriginalRepository implements PanacheRepositoryBase<SourceOriginal, UUID> {
}
