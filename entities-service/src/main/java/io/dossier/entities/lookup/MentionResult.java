package io.dossier.entities.lookup;

import java.util.List;
import java.util.UUID;

/**
 * The entities a text mentions, in text order; offsets are UTF-16 indexes into the text sent, end exclusive.
 * {@code registrySeq} is the registry change feed's sequence the linking reflects: every change up to it was taken
 * into account (a consumer that re-links documents after a change waits until this reaches the change).
 */
public record MentionResult(List<Mention> mentions, long registrySeq) {

    public record Mention(UUID entityId, String type, String primaryName, int start, int end, String surface,
            String name) {
    }
}
