package io.dossier.search.entities;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Typeahead answers, best first. */
public record EntitySuggestions(List<Suggestion> entities) {

    public record Suggestion(String id, String type, String primaryName,
            @Schema(description = "The entity's name that matched what was typed (in its own script)") String matchedName,
            double score) {
    }
}
