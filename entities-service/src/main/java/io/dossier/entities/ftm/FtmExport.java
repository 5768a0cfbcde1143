package io.dossier.entities.ftm;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.EntityRepository;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.relations.CitedSources;
import io.dossier.entities.relations.RelationDto;
import io.dossier.entities.relations.RelationRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** The registry, or a part of it, as FtM entities: read a page at a time, so an export of any size streams. */
@ApplicationScoped
public class FtmExport {

    static final int PAGE = 500;

    private final EntityRepository entities;
    private final RelationRepository relations;
    private final CitedSources cited;

    public FtmExport(EntityRepository entities, RelationRepository relations, CitedSources cited) {
        this.entities = entities;
        this.relations = relations;
        this.cited = cited;
    }

    /** Which entities: of a type, with a tag, changed since a time (each optional). */
    public record Filter(EntityType type, String tag, OffsetDateTime changedSince) {
    }

    /** One page of the chosen entities, in id order after {@code after} (null: from the start). */
    @Transactional
    public List<EntityDto> page(Filter filter, UUID after) {
        List<String> where = new ArrayList<>(List.of("mergedInto is null"));
        Map<String, Object> params = new HashMap<>();
        if (after != null) {
            where.add("id > :after");
            params.put("after", after);
        }
        if (filter.type() != null) {
            where.add("type = :type");
            params.put("type", filter.type());
        }
        if (filter.tag() != null) {
            where.add("array_contains(tags, :tag)");
            params.put("tag", filter.tag());
        }
        if (filter.changedSince() != null) {
            where.add("coalesce(updatedAt, createdAt) >= :since");
            params.put("since", filter.changedSince());
        }
        return entities.find("from RegistryEntity e where " + String.join(" and ", where), Sort.by("id"), params)
                .page(Page.ofSize(PAGE)).list().stream().map(EntityDto::of).toList();
    }

    /**
     * The entities at either end of a relation citing a source of {@code collection} that the caller may read (the
     * sources service answers, with the caller's token).
     */
    public Set<UUID> citedIn(String collection) {
        Map<UUID, List<UUID>> endsBySource = new HashMap<>();
        UUID after = null;
        for (List<RelationDto> page = relations(null); !page.isEmpty(); page = relations(after)) {
            for (RelationDto relation : page) {
                after = relation.id();
                relation.citations().forEach(c -> endsBySource.computeIfAbsent(c.sourceId(), k -> new ArrayList<>())
                        .addAll(List.of(relation.subjectId(), relation.objectId())));
            }
        }
        Set<UUID> ends = new HashSet<>();
        cited.collections(endsBySource.keySet()).forEach((source, in) -> {
            if (collection.equals(in)) {
                ends.addAll(endsBySource.get(source));
            }
        });
        return ends;
    }

    /** A page of all relations, in id order after {@code after}. */
    @Transactional
    public List<RelationDto> relations(UUID after) {
        var query = after == null
                ? relations.findAll(Sort.by("id"))
                : relations.find("id > ?1", Sort.by("id"), after);
        return query.page(Page.ofSize(PAGE)).list().stream().map(RelationDto::of).toList();
    }
}
