package io.dossier.entities.registry;

import java.util.UUID;

/**
 * An entity already in the registry that a new one may be the twin of: one of its names matches one of the new
 * entity's names, with the matcher's score and rule.
 */
public record PossibleDuplicate(UUID entityId, String primaryName, double score, String name, String matchedName,
        String rule) {
}
