package io.dossier.entities.twins;

import java.util.List;
import java.util.UUID;

/**
 * Likely twins in the registry, most alike first.
 *
 * @param computedAt the registry feed sequence the list reflects
 * @param current whether the list reflects the registry as it is now; if not, a newer one is being computed
 */
public record TwinPage(List<Twins> twins, int page, int size, long total, long computedAt, boolean current) {

    /**
     * Two entities of one type, each with the name that matched the other's.
     *
     * @param rule how the names matched: folded, article, word-order, transliteration, cross-script, fuzzy...
     */
    public record Twins(Side first, Side second, double score, String rule) {
    }

    /** One of the two: its id, type, primary name, and the name of it that matched. */
    public record Side(UUID entityId, String type, String primaryName, String name) {
    }
}
