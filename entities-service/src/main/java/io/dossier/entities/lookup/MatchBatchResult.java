package io.dossier.entities.lookup;

import java.util.List;

/** Each name's candidates, in the order the names were sent, with the caller's key. */
public record MatchBatchResult(List<Matched> results) {

    /**
     * @param name the name as sent
     * @param ref the caller's key, when one was sent
     * @param candidates as {@code POST /api/v1/entities/match} answers them, best first (five unless the request's
     *            limit says otherwise)
     */
    public record Matched(String name, String ref, List<MatchResult.Candidate> candidates) {
    }
}
