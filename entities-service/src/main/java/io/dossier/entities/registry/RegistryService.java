package io.dossier.entities.registry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.ProblemException;
import io.dossier.entities.history.EntityRevision;
import io.dossier.entities.history.EntityRevisionRepository;
import io.dossier.entities.journal.ChangeJournal;
import io.dossier.entities.journal.ChangeOperation;
import io.dossier.names.NameKind;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The registry's writes and reads. Every write records a revision (who, when, the entity as it became) and a feed
 * entry in its own transaction, under the feed lock, so the feed is in commit order.
 */
@ApplicationScoped
public class RegistryService {

    private final EntityRepository entities;
    private final EntityRelations relations;
    private final EntityRevisionRepository revisions;
    private final EntityMergeRepository merges;
    private final ChangeJournal journal;
    private final ObjectMapper json;
    private final AuditTrail audit;

    public RegistryService(EntityRepository entities, EntityRelations relations,
            EntityRevisionRepository revisions, EntityMergeRepository merges, ChangeJournal journal,
            ObjectMapper json, AuditTrail audit) {
        this.audit = audit;
        this.entities = entities;
        this.relations = relations;
        this.revisions = revisions;
        this.merges = merges;
        this.journal = journal;
        this.json = json;
    }

    @Transactional
    public EntityPage list(EntityType type, String tag, String name, List<UUID> ids, int page, int size) {
        List<String> where = new ArrayList<>(List.of("mergedInto is null"));
        Map<String, Object> params = new HashMap<>();
        if (ids != null && !ids.isEmpty()) {
            where.add("id in :ids");
            params.put("ids", ids);
        }
        if (type != null) {
            where.add("type = :type");
            params.put("type", type);
        }
        if (tag != null) {
            where.add("array_contains(tags, :tag)");
            params.put("tag", tag);
        }
        if (name != null) {
            where.add("exists (select 1 from EntityName n where n.entity = e and lower(n.value) like :name)");
            params.put("name", "%" + name.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        var query = entities.find("from RegistryEntity e where " + String.join(" and ", where),
                Sort.by("primaryName").and("id"), params);
        var content = query.page(Page.of(page, size)).list().stream().map(EntityDto::of).toList();
        return new EntityPage(content, page, size, query.count());
    }

    /** The entity with this id, or the one it was merged into. */
    @Transactional
    public Optional<EntityDto> find(UUID id) {
        return resolve(id).map(EntityDto::of);
    }

    /** The entities with these ids that are not merged into another, in no particular order. */
    @Transactional
    public List<EntityDto> findAll(java.util.Collection<UUID> ids) {
        return ids.isEmpty()
                ? List.of()
                : entities.list("id in ?1 and mergedInto is null", ids).stream().map(EntityDto::of).toList();
    }

    @Transactional
    public EntityDto create(EntityRequest request, String user) {
        journal.lock();
        RegistryEntity entity = new RegistryEntity();
        entity.id = UUID.randomUUID();
        entity.createdBy = user;
        entity.createdAt = now();
        checkExternalIds(entity.id, request);
        apply(entity, request);
        entities.persistAndFlush(entity);
        revise(entity, ChangeOperation.CREATED, user);
        return EntityDto.of(entity);
    }

    /** Replaces an entity's content if {@code expectedVersion} is still its version (null: any). */
    @Transactional
    public EntityDto replace(UUID id, Long expectedVersion, EntityRequest request, String user) {
        journal.lock();
        RegistryEntity entity = current(id, expectedVersion);
        EntityDto before = EntityDto.of(entity);
        checkExternalIds(entity.id, request);
        apply(entity, request);
        if (same(before, EntityDto.of(entity))) {
            // nothing changed: drop the rebuilt collections so that the commit writes nothing either
            entities.getEntityManager().refresh(entity);
            return before;
        }
        entity.updatedBy = user;
        entity.updatedAt = now();
        entities.flush();
        revise(entity, ChangeOperation.UPDATED, user);
        return EntityDto.of(entity);
    }

    /** Adds one name to an entity (no If-Match: adding a name never conflicts). */
    @Transactional
    public EntityDto addName(UUID id, EntityRequest.NameRequest name, String user) {
        journal.lock();
        RegistryEntity entity = current(id, null);
        if (entity.names.stream().anyMatch(n -> n.value.equals(name.value().strip()))) {
            return EntityDto.of(entity);
        }
        entity.names.add(name(entity, name.value(), name.lang(), name.kind() == null ? NameKind.ALIAS : name.kind()));
        entity.updatedBy = user;
        entity.updatedAt = now();
        entities.flush();
        revise(entity, ChangeOperation.UPDATED, user);
        return EntityDto.of(entity);
    }

    @Transactional
    public void delete(UUID id, Long expectedVersion, String user) {
        journal.lock();
        RegistryEntity entity = current(id, expectedVersion);
        if (relations.any(entity.id)) {
            throw ProblemException.conflict("Entity " + id + " still has relations; delete them or merge the"
                    + " entity into another");
        }
        revise(entity, ChangeOperation.DELETED, user);
        // Entities merged into this one go with it: they hold nothing of their own any more (their names are the
        // survivor's), so they are deleted too rather than coming back listed and empty; their merges can no longer
        // be undone.
        List<UUID> gone = new ArrayList<>(List.of(entity.id));
        for (RegistryEntity merged : entities.list("mergedInto", entity.id)) {
            revise(merged, ChangeOperation.DELETED, user);
            gone.add(merged.id);
            entities.delete(merged);
        }
        // their merges can no longer be undone; who merged what stays in the revisions
        merges.delete("survivorId in ?1 or loserId in ?1", gone);
        entities.delete(entity);
    }

    /**
     * Merges {@code loserId} into {@code survivorId}: the survivor gains the loser's names (its primary name as an
     * alias), attributes, external ids, tags and relations; the loser stays as a pointer, so its id keeps resolving
     * to the survivor.
     */
    @Transactional
    public EntityDto merge(UUID survivorId, Long expectedVersion, UUID loserId, String user) {
        journal.lock();
        RegistryEntity survivor = current(survivorId, expectedVersion);
        RegistryEntity loser = resolve(loserId)
                .orElseThrow(() -> ProblemException.notFound("No entity " + loserId + " to merge"));
        if (loser.id.equals(survivor.id)) {
            throw new ProblemException(409, "Entity " + loserId + " is already " + survivor.id);
        }
        if (loser.type != survivor.type) {
            throw new ProblemException(409, "Cannot merge a " + loser.type + " into a " + survivor.type);
        }
        EntityMerge record = new EntityMerge();
        record.id = UUID.randomUUID();
        record.survivorId = survivor.id;
        record.loserId = loser.id;
        record.mergedBy = user;
        record.mergedAt = now();
        record.survivorBefore = write(EntityDto.of(survivor));
        record.loserBefore = write(EntityDto.of(loser));
        List<UUID> repointed = entities.list("mergedInto", loser.id).stream().map(e -> e.id).toList();
        // what the survivor gains, exactly: an undo takes back these and nothing else
        List<String> addedNames = new ArrayList<>();
        Map<String, List<String>> addedAttributes = new LinkedHashMap<>();
        List<String> addedTags = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(survivor.names.stream().map(n -> n.value).toList());
        for (EntityName name : loser.names) {
            if (known.add(name.value)) {
                survivor.names.add(name(survivor, name.value, name.lang,
                        name.kind == NameKind.PRIMARY ? NameKind.ALIAS : name.kind));
                addedNames.add(name.value);
            }
        }
        loser.attributes.forEach((key, values) -> {
            List<String> merged = new ArrayList<>(survivor.attributes.getOrDefault(key, List.of()));
            values.stream().filter(v -> !merged.contains(v)).forEach(v -> {
                merged.add(v);
                addedAttributes.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
            });
            survivor.attributes.put(key, merged);
        });
        loser.tags.stream().filter(t -> !survivor.tags.contains(t)).forEach(t -> {
            survivor.tags.add(t);
            addedTags.add(t);
        });
        EntityRelations.Moved movedRelations = relations.moveToSurvivor(loser.id, survivor.id);
        record.moved = write(new EntityMerge.Moved(movedRelations.subjectOf(), movedRelations.objectOf(),
                movedRelations.dropped(), repointed, addedNames, addedAttributes, addedTags));
        merges.persist(record);
        Set<ExternalId> moved = new LinkedHashSet<>(loser.externalIds);
        loser.externalIds.clear();
        loser.names.clear();
        loser.mergedInto = survivor.id;
        loser.updatedBy = user;
        loser.updatedAt = now();
        entities.flush(); // frees the loser's external ids before the survivor takes them
        survivor.externalIds.addAll(moved);
        entities.update("mergedInto = ?1 where mergedInto = ?2", survivor.id, loser.id);
        survivor.updatedBy = user;
        survivor.updatedAt = now();
        entities.flush();
        revise(loser, ChangeOperation.MERGED, user);
        revise(survivor, ChangeOperation.UPDATED, user);
        return EntityDto.of(survivor);
    }

    /** The merges into an entity, newest first: which entity, who and when, and whether it was undone. */
    @Transactional
    public List<MergeDto> merges(UUID survivorId) {
        return merges.list("survivorId = ?1 order by mergedAt desc", survivorId).stream().map(m -> {
            EntityDto before = read(m.loserBefore);
            return new MergeDto(m.id, m.survivorId, m.loserId, before.primaryName(), before.type(), m.mergedBy,
                    m.mergedAt, m.undoneBy, m.undoneAt);
        }).toList();
    }

    /**
     * Undoes a merge: the merged entity comes back with its names, facts, external ids and tags as they were, the
     * relations it brought go back to it (and those between the two come back), entities merged into it before point
     * at it again, and the survivor keeps only what was its own or came to it since. Both get a revision and a feed
     * entry, so every index follows, and documents are linked again.
     */
    @Transactional
    public EntityDto unmerge(UUID survivorId, UUID mergeId, String user) {
        journal.lock();
        EntityMerge m = merges.findByIdOptional(mergeId).filter(x -> x.survivorId.equals(survivorId))
                .orElseThrow(() -> ProblemException.notFound("No merge " + mergeId + " into entity " + survivorId));
        if (m.undoneAt != null) {
            throw ProblemException.conflict("This merge was undone already, by " + m.undoneBy);
        }
        RegistryEntity survivor = entities.findByIdOptional(survivorId)
                .orElseThrow(() -> ProblemException.notFound("No entity " + survivorId));
        if (survivor.mergedInto != null) {
            throw ProblemException.conflict("Entity " + survivorId + " was itself merged into " + survivor.mergedInto
                    + " since: undo that merge first");
        }
        RegistryEntity loser = entities.findByIdOptional(m.loserId)
                .orElseThrow(() -> ProblemException.notFound("The merged entity " + m.loserId + " is gone"));
        if (!survivorId.equals(loser.mergedInto)) {
            throw ProblemException.conflict("Entity " + m.loserId + " no longer points at " + survivorId);
        }
        EntityDto loserBefore = read(m.loserBefore);
        EntityMerge.Moved moved;
        try {
            moved = json.readValue(m.moved, EntityMerge.Moved.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a merge record always reads back", e);
        }
        // the loser's external ids must be free for it again: on the survivor, or nowhere (not taken since)
        for (ExternalId x : loserBefore.externalIds()) {
            if (survivor.externalIds.contains(x)) {
                continue;
            }
            if (heldByAnother(x, loser.id)) {
                throw ProblemException.conflict("The merge cannot be undone: the external id " + x.scheme() + ":"
                        + x.value() + " of the merged entity belongs to another entity now");
            }
        }
        // the survivor gives back what this merge gave it, and nothing else (never its primary name)
        survivor.names.removeIf(n -> moved.addedNames().contains(n.value) && !n.value.equals(survivor.primaryName)
                && n.kind != NameKind.PRIMARY);
        moved.addedAttributes().forEach((key, values) -> {
            List<String> now = survivor.attributes.get(key);
            if (now != null) {
                List<String> kept = new ArrayList<>(now.stream().filter(v -> !values.contains(v)).toList());
                if (kept.isEmpty()) {
                    survivor.attributes.remove(key);
                } else {
                    survivor.attributes.put(key, kept);
                }
            }
        });
        survivor.tags.removeIf(moved.addedTags()::contains);
        survivor.externalIds.removeAll(loserBefore.externalIds());
        survivor.updatedBy = user;
        survivor.updatedAt = now();
        entities.flush(); // frees the external ids before the loser takes them back
        loser.names.clear();
        for (EntityDto.NameDto n : loserBefore.names()) {
            loser.names.add(name(loser, n.value(), n.lang(), n.kind()));
        }
        loser.primaryName = loserBefore.primaryName();
        loser.description = loserBefore.description();
        loser.attributes = new java.util.LinkedHashMap<>(loserBefore.attributes());
        loser.tags = new ArrayList<>(loserBefore.tags());
        loser.externalIds.addAll(loserBefore.externalIds());
        loser.mergedInto = null;
        loser.updatedBy = user;
        loser.updatedAt = now();
        // relations go back to the side they came from, where they are still on the survivor's
        relations.moveBack(loser.id, survivor.id,
                new EntityRelations.Moved(moved.subjectOf(), moved.objectOf(), moved.dropped()));
        if (!moved.repointed().isEmpty()) {
            entities.update("mergedInto = ?1 where mergedInto = ?2 and id in ?3", loser.id, survivor.id,
                    moved.repointed());
        }
        m.undoneBy = user;
        m.undoneAt = now();
        entities.flush();
        revise(loser, ChangeOperation.UPDATED, user);
        revise(survivor, ChangeOperation.UPDATED, user);
        audit.recordAs(user, AuditAction.UNMERGE, "entity", survivor.id, null, "undid the merge of " + loser.type
                + " " + loser.primaryName + " (" + loser.id + ") into " + survivor.primaryName);
        return EntityDto.of(loser);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registry record always serializes", e);
        }
    }

    private EntityDto read(String snapshot) {
        try {
            return json.readValue(snapshot, EntityDto.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a registry record always reads back", e);
        }
    }

    /** What an upsert did. */
    public enum Upserted {
        CREATED, UPDATED, UNCHANGED
    }

    /**
     * Creates or updates entities keyed on their first external id, all in one transaction: what re-imports a list
     * without duplicating it. Each entity that changes gets a revision and a feed entry.
     */
    @Transactional
    public Map<ExternalId, Upserted> upsert(List<EntityRequest> requests, String user) {
        Map<ExternalId, Upserted> outcomes = new LinkedHashMap<>();
        upsertEntities(requests, user).forEach((key, upsert) -> outcomes.put(key, upsert.outcome()));
        return outcomes;
    }

    /** What an upsert did to one entity, and the entity as it is now. */
    public record Upsert(Upserted outcome, EntityDto entity) {
    }

    /** {@link #upsert}, answering each entity as well. */
    @Transactional
    public Map<ExternalId, Upsert> upsertEntities(List<EntityRequest> requests, String user) {
        journal.lock();
        // Nothing here reads what it writes: flushing once at the end spares a flush before every query.
        entities.getEntityManager().setFlushMode(FlushModeType.COMMIT);
        Map<ExternalId, RegistryEntity> existing = byExternalIds(
                requests.stream().map(r -> r.externalIds().get(0)).toList());
        Map<ExternalId, Upsert> outcomes = new LinkedHashMap<>();
        for (EntityRequest request : requests) {
            ExternalId key = request.externalIds().get(0);
            RegistryEntity entity = existing.get(key);
            if (entity == null) {
                entity = new RegistryEntity();
                entity.id = UUID.randomUUID();
                entity.createdBy = user;
                entity.createdAt = now();
                apply(entity, request);
                entities.persist(entity);
                existing.put(key, entity);
                revise(entity, ChangeOperation.CREATED, user);
                outcomes.put(key, new Upsert(Upserted.CREATED, EntityDto.of(entity)));
                continue;
            }
            EntityDto before = EntityDto.of(entity);
            apply(entity, request);
            if (same(before, EntityDto.of(entity))) {
                entities.getEntityManager().refresh(entity);
                outcomes.put(key, new Upsert(Upserted.UNCHANGED, before));
            } else {
                entity.updatedBy = user;
                entity.updatedAt = now();
                // flushed at the end: the revision records the version that flush will write
                revise(entity, ChangeOperation.UPDATED, user, entity.version + 1);
                outcomes.put(key, new Upsert(Upserted.UPDATED, EntityDto.of(entity)));
            }
        }
        entities.flush();
        return outcomes;
    }

    /** The entities (through merges) holding any of these external ids, by id. */
    private Map<ExternalId, RegistryEntity> byExternalIds(List<ExternalId> ids) {
        Map<ExternalId, RegistryEntity> found = new HashMap<>();
        Map<String, List<String>> byScheme = new HashMap<>();
        ids.forEach(id -> byScheme.computeIfAbsent(id.scheme(), k -> new ArrayList<>()).add(id.value()));
        byScheme.forEach((scheme, values) -> entities.getEntityManager().createQuery(
                "select x.value, e from RegistryEntity e join e.externalIds x"
                        + " where x.scheme = :scheme and x.value in :values",
                Object[].class).setParameter("scheme", scheme).setParameter("values", values).getResultStream()
                .forEach(row -> resolve(((RegistryEntity) row[1]).id)
                        .ifPresent(e -> found.put(new ExternalId(scheme, (String) row[0]), e))));
        return found;
    }

    /** The entity (through merges) that holds an external id. */
    public Optional<RegistryEntity> byExternalId(ExternalId id) {
        return entities.getEntityManager().createQuery(
                "select e from RegistryEntity e join e.externalIds x where x.scheme = :scheme and x.value = :value",
                RegistryEntity.class).setParameter("scheme", id.scheme()).setParameter("value", id.value())
                .getResultStream().findFirst().flatMap(e -> resolve(e.id));
    }

    @Transactional
    public List<RevisionDto> history(UUID id) {
        return revisions.find("entityId", Sort.ascending("id"), id).stream().map(r -> {
            try {
                return new RevisionDto(r.version, r.operation, r.changedBy, r.changedAt,
                        json.readValue(r.snapshot, EntityDto.class));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("revision " + r.id + " holds an unreadable snapshot", e);
            }
        }).toList();
    }

    /** Follows merges to the entity an id stands for today. */
    public Optional<RegistryEntity> resolve(UUID id) {
        RegistryEntity entity = entities.findById(id);
        for (int hops = 0; entity != null && entity.mergedInto != null && hops < 100; hops++) {
            entity = entities.findById(entity.mergedInto);
        }
        return Optional.ofNullable(entity);
    }

    private RegistryEntity current(UUID id, Long expectedVersion) {
        RegistryEntity entity = resolve(id).orElseThrow(() -> ProblemException.notFound("No entity " + id));
        if (expectedVersion != null && entity.version != expectedVersion) {
            throw new ProblemException(412, "Entity " + entity.id + " changed since version " + expectedVersion
                    + " (now " + entity.version + "); read it again and retry");
        }
        return entity;
    }

    private void apply(RegistryEntity entity, EntityRequest request) {
        entity.type = request.type();
        entity.primaryName = request.primaryName().strip();
        entity.description = request.description();
        Map<String, EntityName> existing = new LinkedHashMap<>();
        entity.names.forEach(n -> existing.put(n.value, n));
        List<EntityName> names = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        names.add(reuse(existing, entity, entity.primaryName, null, NameKind.PRIMARY));
        seen.add(entity.primaryName);
        for (EntityRequest.NameRequest name : request.names() == null
                ? List.<EntityRequest.NameRequest>of()
                : request.names()) {
            String value = name.value().strip();
            if (seen.add(value)) {
                NameKind kind = name.kind() == null || name.kind() == NameKind.PRIMARY ? NameKind.ALIAS : name.kind();
                names.add(reuse(existing, entity, value, name.lang(), kind));
            } else if (value.equals(entity.primaryName) && name.lang() != null) {
                names.get(0).lang = name.lang();
            }
        }
        entity.names.clear();
        entity.names.addAll(names);
        entity.attributes = new LinkedHashMap<>(request.attributes() == null ? Map.of() : request.attributes());
        entity.externalIds.clear();
        if (request.externalIds() != null) {
            entity.externalIds.addAll(request.externalIds());
        }
        entity.tags = new ArrayList<>(request.tags() == null ? List.of() : request.tags().stream().distinct().toList());
    }

    private static EntityName reuse(Map<String, EntityName> existing, RegistryEntity entity, String value, String lang,
            NameKind kind) {
        EntityName name = existing.get(value);
        if (name == null) {
            return name(entity, value, lang, kind);
        }
        name.lang = lang;
        name.kind = kind;
        return name;
    }

    private static EntityName name(RegistryEntity entity, String value, String lang, NameKind kind) {
        EntityName name = new EntityName();
        name.entity = entity;
        name.value = value.strip();
        name.lang = lang;
        name.kind = kind;
        return name;
    }

    /** External ids are unique across the registry: one OFAC entry is one entity. */
    private void checkExternalIds(UUID entityId, EntityRequest request) {
        for (ExternalId id : request.externalIds() == null ? List.<ExternalId>of() : request.externalIds()) {
            if (heldByAnother(id, entityId)) {
                throw ProblemException.conflict("External id " + id.scheme() + ":" + id.value()
                        + " already belongs to another entity");
            }
        }
    }

    /** Whether an entity other than {@code entityId} holds this external id (they are unique across the registry). */
    private boolean heldByAnother(ExternalId id, UUID entityId) {
        return entities.getEntityManager().createQuery("select count(e) from RegistryEntity e join e.externalIds x"
                + " where x.scheme = :scheme and x.value = :value and e.id <> :id", Long.class)
                .setParameter("scheme", id.scheme()).setParameter("value", id.value()).setParameter("id", entityId)
                .getSingleResult() > 0;
    }

    private static boolean same(EntityDto a, EntityDto b) {
        return a.type() == b.type() && a.primaryName().equals(b.primaryName())
                && java.util.Objects.equals(a.description(), b.description()) && a.names().equals(b.names())
                && a.attributes().equals(b.attributes()) && a.externalIds().equals(b.externalIds())
                && a.tags().equals(b.tags());
    }

    private void revise(RegistryEntity entity, ChangeOperation operation, String user) {
        revise(entity, operation, user, entity.version);
    }

    private void revise(RegistryEntity entity, ChangeOperation operation, String user, long version) {
        EntityRevision revision = new EntityRevision();
        revision.entityId = entity.id;
        revision.version = version;
        revision.operation = operation.name();
        revision.changedBy = user;
        revision.changedAt = now();
        try {
            EntityDto state = EntityDto.of(entity);
            revision.snapshot = json
                    .writeValueAsString(version == entity.version ? state : withVersion(state, version));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entity always serializes", e);
        }
        revisions.persist(revision);
        journal.record(entity.id, operation);
        audit.recordAs(user, switch (operation) {
            case CREATED -> AuditAction.CREATE;
            case UPDATED -> AuditAction.UPDATE;
            case DELETED -> AuditAction.DELETE;
            case MERGED -> AuditAction.MERGE;
        }, "entity", entity.id, null, operation == ChangeOperation.MERGED
                ? entity.type + " merged into " + entity.mergedInto
                : entity.type + " " + entity.primaryName);
    }

    private static EntityDto withVersion(EntityDto e, long version) {
        return new EntityDto(e.id(), e.type(), e.primaryName(), e.description(), e.names(), e.attributes(),
                e.externalIds(), e.tags(), e.mergedInto(), e.createdBy(), e.createdAt(), e.updatedBy(), e.updatedAt(),
                version);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
