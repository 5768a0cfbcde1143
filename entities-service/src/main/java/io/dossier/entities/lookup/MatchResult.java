package io.dossier.entities.lookup;

import java.util.List;
import java.util.UUID;

/** Candidates for a name, best first, each with why it matched. */
public record MatchResult(List<Candidate> candidates) {

    /**
     * @param matchedName the stored name that matched
     * @param rule how: exact, folded, article, word-order, transliteration, cross-script, fuzzy, abbreviation...
     */
    public record Candidate(UUID entityId, String type, String primaryName, double score, String matchedName,
            String matchedKind, String rule) {
    }
}
