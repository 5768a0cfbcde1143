package io.dossier.search.watch;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WatchRepository implements PanacheRepositoryBase<Watch, UUID> {

    List<Watch> ofOwner(String ownerId) {
        return list("ownerId = ?1 order by createdAt, id", ownerId);
    }

    long countOfOwner(String ownerId) {
        return count("ownerId", ownerId);
    }

    /** What changes when a watch is added, changed or deleted: the evaluator reloads when it does. */
    String stamp() {
        Object[] row = (Object[]) getEntityManager()
                .createQuery("select count(w), max(w.updatedAt), sum(w.version) from Watch w").getSingleResult();
        return row[0] + "|" + row[1] + "|" + row[2];
    }
}
