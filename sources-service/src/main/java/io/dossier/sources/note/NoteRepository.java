package io.dossier.sources.note;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<Note, UUID> {

    static final Sort IN_TEXT_ORDER = Sort.by("start").and("createdAt").and("id");

    List<Note> ofSource(UUID sourceId) {
        return list("sourceId", IN_TEXT_ORDER, sourceId);
    }

    long countOfSource(UUID sourceId) {
        return count("sourceId", sourceId);
    }

    /** The notes of several sources at once (a page of the change feed), each source's in text order. */
    public Map<UUID, List<NoteDto>> ofSources(Collection<UUID> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        return list("sourceId in ?1", IN_TEXT_ORDER, sourceIds).stream().map(NoteDto::of)
                .collect(Collectors.groupingBy(NoteDto::sourceId, Collectors.toList()));
    }
}
