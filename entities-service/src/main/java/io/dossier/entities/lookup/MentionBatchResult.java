package io.dossier.entities.lookup;

import java.util.List;

/**
 * The mentions of each text of a {@link MentionBatchRequest}, in the order sent; all linked with the same registry,
 * whose change feed sequence is {@code registrySeq} (as in {@link MentionResult}).
 */
public record MentionBatchResult(List<Linked> results, long registrySeq) {

    /** One text's mentions, in text order. */
    public record Linked(List<MentionResult.Mention> mentions, List<MentionResult.Name> names) {
    }
}
