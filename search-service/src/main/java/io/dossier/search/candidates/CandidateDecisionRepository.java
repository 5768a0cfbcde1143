package io.dossier.search.candidates;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class CandidateDecisionRepository implements PanacheRepositoryBase<CandidateDecision, String> {

    /** Which of these candidates were decided already (either way). */
    Set<String> decided(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return find("key in ?1", List.copyOf(keys)).stream().map(d -> d.key).collect(Collectors.toSet());
    }
}
