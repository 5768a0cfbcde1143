package io.dossier.entities.lookup;

import java.util.List;
import java.util.UUID;

/** The entities a text mentions, in text order; offsets are UTF-16 indexes into the text sent, end exclusive. */
public record MentionResult(List<Mention> mentions) {

    public record Mention(UUID entityId, String type, String primaryName, int start, int end, String surface,
            String name) {
    }
}
