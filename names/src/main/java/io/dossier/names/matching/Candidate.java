package io.dossier.names.matching;

import java.util.Comparator;
import java.util.UUID;

import io.dossier.names.NameKind;

/**
 * An entity a query may name: its best-matching name, the score in (0, 1] and the rule that matched ("exact",
 * "folded", "abbreviation", "weak-alias", "article", "word-order", "transliteration", "cross-script", "fuzzy"), and
 * how alike the letters are across scripts, which orders candidates of equal score.
 */
public record Candidate(UUID entityId, String entityType, double score, String matchedName, NameKind matchedKind,
        String rule, double letters) {

    /** Best first: by score, then letters, then name, then id. */
    static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .thenComparingDouble(Candidate::letters).reversed().thenComparing(Candidate::matchedName)
            .thenComparing(Candidate::entityId);
}
