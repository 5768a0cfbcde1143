package io.dossier.entities.registry;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegistryService {

    private final EntityRepository entities;

    public RegistryService(EntityRepository entities) {
        this.entities = entities;
    }

    @Transactional
    public EntityPage list(EntityType type, int page, int size) {
        var query = type == null
                ? entities.findAll(Sort.by("primaryName").and("id"))
                : entities.find("type", Sort.by("primaryName").and("id"), type);
        var content = query.page(Page.of(page, size)).list().stream().map(EntityDto::of).toList();
        return new EntityPage(content, page, size, query.count());
    }

    @Transactional
    public Optional<EntityDto> find(UUID id) {
        return entities.findByIdOptional(id).map(EntityDto::of);
    }
}
