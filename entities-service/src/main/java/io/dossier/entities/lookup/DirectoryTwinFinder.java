package io.dossier.entities.lookup;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.PossibleDuplicate;
import io.dossier.entities.registry.TwinFinder;
import io.dossier.names.NameKind;
import io.dossier.names.matching.Candidate;
import io.dossier.names.matching.IndexedName;

/**
 * Twins by the name directory: each of the entity's names (its weak aliases and abbreviations aside: "KH" or "the
 * Brigades" say little) matched against the registry's, entities of the same type scoring at least {@value #SCORE}.
 * The directory follows the registry's feed, so an entity just created is not yet among its names.
 */
@ApplicationScoped
public class DirectoryTwinFinder implements TwinFinder {

    /** A score at least this high: equal names, the article, word order, close transliterations. */
    static final double SCORE = 0.85;
    /** Twins answered on a create. */
    private static final int MOST = 5;
    /** Twins of one entity in the registry-wide list: a name many entities share makes as many pairs. */
    private static final int ALL = 20;

    private final NameDirectory directory;

    public DirectoryTwinFinder(NameDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<PossibleDuplicate> twinsOf(EntityDto entity) {
        if (!directory.ready()) {
            return List.of();
        }
        return twinsOf(entity.id(), entity.type().name(), entity.names().stream()
                .filter(n -> n.kind() == null || NameKind.valueOf(n.kind().name()).matchesLoosely())
                .map(EntityDto.NameDto::value).toList(), MOST);
    }

    /** The twins of an entity the directory knows, by the names it holds for it. */
    public List<PossibleDuplicate> twinsOf(NameDirectory.Known entity) {
        return twinsOf(entity.id(), entity.type(), directory.index().namesOf(entity.id()).stream()
                .filter(n -> n.kind().matchesLoosely()).map(IndexedName::value).toList(), ALL);
    }

    private List<PossibleDuplicate> twinsOf(UUID id, String type, List<String> names, int limit) {
        Map<UUID, PossibleDuplicate> best = new HashMap<>();
        for (String name : names) {
            // one more than answered: the entity itself may be among them
            for (Candidate c : directory.index().match(name, type, limit + 1)) {
                if (c.score() < SCORE || c.entityId().equals(id)) {
                    continue;
                }
                PossibleDuplicate previous = best.get(c.entityId());
                if (previous == null || c.score() > previous.score()) {
                    NameDirectory.Known known = directory.entity(c.entityId());
                    best.put(c.entityId(),
                            new PossibleDuplicate(c.entityId(), known == null ? null : known.primaryName(),
                                    Math.round(c.score() * 1000) / 1000.0, name, c.matchedName(), c.rule()));
                }
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(PossibleDuplicate::score).reversed()
                .thenComparing(d -> d.entityId().toString())).limit(limit).toList();
    }
}
