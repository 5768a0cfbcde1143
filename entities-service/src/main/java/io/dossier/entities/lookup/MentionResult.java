package io.dossier.entities.lookup;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The entities a text mentions, in text order; offsets are UTF-16 indexes into the text sent, end exclusive.
 * {@code registrySeq} is the registry change feed's sequence the linking reflects: every change up to it was taken
 * into account (a consumer that re-links documents after a change waits until this reaches the change).
 */
public record MentionResult(List<Mention> mentions, long registrySeq,
        @Schema(description = "With `spot`: the names of people, organisations and places in the text that no registered name covers, in text order (offsets as for mentions); else absent") List<Name> names) {

    public record Mention(UUID entityId, String type, String primaryName, int start, int end, String surface,
            String name) {
    }

    /**
     * A name found in the text that no registered name covers: PERSON, ORGANIZATION or LOCATION; {@code possible}:
     * the entity it is possibly another spelling of (a possible mention, not a link), when the matcher finds one.
     */
    public record Name(String name, String type, int start, int end,
            @Schema(description = "The registry entity this name possibly is (a spelling the registry lacks), with the matcher's score and rule: a possible mention until an editor adds the spelling as a name; absent when none scores 0.85") PossibleMentions.Possible possible) {
    }
}
