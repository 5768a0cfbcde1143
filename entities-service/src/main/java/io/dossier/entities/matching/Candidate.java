package io.dossier.entities.matching;

import java.util.UUID;

/**
 * An entity a query may name: its best-matching name, the score in (0, 1] and the rule that matched ("exact",
 * "folded", "abbreviation", "weak-alias", "article", "word-order", "transliteration", "cross-script", "fuzzy").
 */
public record Candidate(UUID entityId, String entityType, double score, String matchedName, NameKind matchedKind,
        String rule) {
}
