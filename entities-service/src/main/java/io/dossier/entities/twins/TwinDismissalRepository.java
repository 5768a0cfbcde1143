package io.dossier.entities.twins;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TwinDismissalRepository implements PanacheRepositoryBase<TwinDismissal, TwinDismissal.Pair> {

    /**
     * Remembers the pair (once: a second dismissal, even at the same moment, changes nothing). An entity deleted
     * meanwhile takes its dismissals with it.
     */
    public void remember(TwinDismissal.Pair pair, String user) {
        getEntityManager().createNativeQuery("insert into twin_dismissal (first_id, second_id, dismissed_by,"
                + " dismissed_at) select ?1, ?2, ?3, now() where exists (select 1 from entity where id = ?1)"
                + " and exists (select 1 from entity where id = ?2) on conflict do nothing")
                .setParameter(1, pair.firstId()).setParameter(2, pair.secondId()).setParameter(3, user)
                .executeUpdate();
    }

    /** Every dismissed pair. */
    public Set<TwinDismissal.Pair> pairs() {
        return listAll().stream().map(d -> d.pair).collect(Collectors.toSet());
    }
}
