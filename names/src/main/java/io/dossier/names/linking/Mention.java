package io.dossier.names.linking;

import java.util.UUID;

/**
 * An entity named in a text. {@code start} and {@code end} are UTF-16 offsets in the original text, end exclusive;
 * {@code surface} is the text between them; {@code name} is the registered name value that matched.
 */
public record Mention(UUID entityId, int start, int end, String surface, String name) {
}
