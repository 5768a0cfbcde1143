package io.dossier.sources.source;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class SourceRepository implements PanacheRepositoryBase<Source, UUID> {

    public Optional<Source> findBySha256(String sha256) {
        return find("sha256", sha256).firstResultOptional();
    }
}
