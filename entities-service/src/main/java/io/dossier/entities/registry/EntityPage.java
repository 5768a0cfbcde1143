package io.dossier.entities.registry;

import java.util.List;

/** One page of entities, ordered by primary name. */
public record EntityPage(List<EntityDto> entities, int page, int size, long total) {
}
