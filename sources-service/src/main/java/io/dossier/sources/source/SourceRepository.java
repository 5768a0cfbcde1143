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

    /** Whether the source is (still) stored, asked of the database (not of what this transaction loaded). */
    public boolean stillThere(UUID id) {
        return getEntityManager().createQuery("select count(s) from Source s where s.id = :id", Long.class)
                .setParameter("id", id).getSingleResult() > 0;
    }

    /** A source's collection, without loading the source (its text may be large). */
    public Optional<String> collectionOf(UUID id) {
        return getEntityManager().createQuery("select s.collection from Source s where s.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst();
    }
}
