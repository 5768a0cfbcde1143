package io.dossier.entities.lookup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.entities.matching.Candidate;
import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.NameKind;
import io.dossier.entities.registry.PossibleDuplicate;
import io.dossier.entities.registry.TwinFinder;

/**
 * Twins by the name directory: each of the entity's names (its weak aliases and abbreviations aside: "KH" or "the
 * Brigades" say little) matched against the registry's, entities of the same type scoring at least {@value #SCORE}.
 * The directory follows the registry's feed, so an entity just created is not yet among its names.
 */
@ApplicationScoped
public class DirectoryTwinFinder implements TwinFinder {

    /** A score at least this high: equal names, the article, word order, close transliterations. */
    static final double SCORE = 0.85;
    private static final int MOST = 5;

    private final NameDirectory directory;

    public DirectoryTwinFinder(NameDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<PossibleDuplicate> twinsOf(EntityDto entity) {
        if (!directory.ready()) {
            return List.of();
        }
        Map<UUID, PossibleDuplicate> best = new HashMap<>();
        for (EntityDto.NameDto name : entity.names()) {
            if (name.kind() == NameKind.WEAK_ALIAS || name.kind() == NameKind.ABBREVIATION) {
                continue;
            }
            for (Candidate c : directory.index().match(name.value(), entity.type().name(), MOST)) {
                if (c.score() < SCORE || c.entityId().equals(entity.id())) {
                    continue;
                }
                PossibleDuplicate previous = best.get(c.entityId());
                if (previous == null || c.score() > previous.score()) {
                    NameDirectory.Known known = directory.entity(c.entityId());
                    best.put(c.entityId(),
                            new PossibleDuplicate(c.entityId(), known == null ? null : known.primaryName(),
                                    Math.round(c.score() * 1000) / 1000.0, name.value(), c.matchedName(), c.rule()));
                }
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(PossibleDuplicate::score).reversed()
                .thenComparing(d -> d.entityId().toString())).limit(MOST).toList();
    }
}
