package io.dossier.search.indexing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dossier.common.text.TextFolding;

/**
 * A registry entity as stored in the entities index, for typeahead: every name as written ({@code names}), the same
 * names folded ({@code namesFolded}, searched by prefix and fuzzily) and folded whole ({@code namesExact}, so that
 * an exact name comes first).
 */
public record IndexedEntity(String id, String type, String primaryName, String description, List<String> names,
        List<String> namesFolded, List<String> namesExact, List<String> tags) {

    static IndexedEntity of(EntitiesFeedApi.Entity e) {
        List<String> names = new ArrayList<>();
        for (EntitiesFeedApi.Name n : e.names() == null ? List.<EntitiesFeedApi.Name>of() : e.names()) {
            names.add(n.value());
        }
        return of(e.id(), e.type(), e.primaryName(), e.description(), names, e.tags());
    }

    /** An entity from its fields; the primary name is one of its names whether listed or not. */
    public static IndexedEntity of(String id, String type, String primaryName, String description,
            List<String> otherNames, List<String> tags) {
        Set<String> names = new LinkedHashSet<>();
        if (primaryName != null) {
            names.add(primaryName);
        }
        for (String name : otherNames == null ? List.<String>of() : otherNames) {
            if (name != null && !name.isBlank()) {
                names.add(name);
            }
        }
        List<String> folded = new ArrayList<>();
        Set<String> exact = new LinkedHashSet<>();
        for (String name : names) {
            String f = TextFolding.fold(name).strip();
            folded.add(f);
            exact.add(f);
        }
        String shortDescription = description == null || description.length() <= 500
                ? description
                : description.substring(0, 500) + "…";
        return new IndexedEntity(id, type, primaryName, shortDescription, List.copyOf(names), folded,
                List.copyOf(exact), tags == null ? List.of() : tags);
    }
}
