package io.dossier.entities.relations;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.ProblemException;
import io.dossier.entities.journal.ChangeJournal;
import io.dossier.entities.journal.ChangeOperation;
import io.dossier.entities.registry.RegistryEntity;
import io.dossier.entities.registry.RegistryService;
import io.quarkus.panache.common.Sort;

/** Relations between entities. A change to one is a change to both its entities on the feed. */
@ApplicationScoped
public class RelationService {

    private final RelationRepository relations;
    private final RegistryService registry;
    private final ChangeJournal journal;
    private final AuditTrail audit;

    public RelationService(RelationRepository relations, RegistryService registry, ChangeJournal journal,
            AuditTrail audit) {
        this.relations = relations;
        this.registry = registry;
        this.journal = journal;
        this.audit = audit;
    }

    @Transactional
    public RelationDto create(RelationRequest request, String user) {
        journal.lock();
        Relation relation = new Relation();
        relation.id = UUID.randomUUID();
        relation.createdBy = user;
        relation.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        apply(relation, request);
        relations.persistAndFlush(relation);
        touch(relation);
        audit.recordAs(user, AuditAction.CREATE, "relation", relation.id, null, described(relation));
        return RelationDto.of(relation);
    }

    /**
     * Replaces a relation. {@code seen}: the cited sources the writer may read (null: all). The citations of the
     * others stay as they are whatever the request says: the writer never saw them (nor could send them back), and
     * a citation added meanwhile by someone else is one of them too. What such a relation says (its entities and
     * type) may be changed only by someone who sees all its citations (409 otherwise), so no one makes unseen
     * evidence back another claim.
     */
    @Transactional
    public RelationDto replace(UUID id, Long expectedVersion, RelationRequest request, Set<UUID> seen) {
        journal.lock();
        Relation relation = current(id, expectedVersion);
        UUID oldSubject = relation.subjectId;
        UUID oldObject = relation.objectId;
        RelationType oldType = relation.type;
        List<Citation> hidden = unseen(relation, seen);
        apply(relation, request);
        if (!hidden.isEmpty() && (!relation.subjectId.equals(oldSubject) || !relation.objectId.equals(oldObject)
                || relation.type != oldType)) {
            throw ProblemException.conflict(UNSEEN);
        }
        hidden.stream().filter(c -> !relation.citations.contains(c)).forEach(relation.citations::add);
        relations.flush();
        touch(relation);
        audit.record(AuditAction.UPDATE, "relation", relation.id, null, described(relation));
        if (!oldSubject.equals(relation.subjectId) && !oldSubject.equals(relation.objectId)) {
            journal.record(oldSubject, ChangeOperation.UPDATED);
        }
        if (!oldObject.equals(relation.subjectId) && !oldObject.equals(relation.objectId)) {
            journal.record(oldObject, ChangeOperation.UPDATED);
        }
        return RelationDto.of(relation);
    }

    /** Deletes a relation, unless it cites sources the writer cannot see ({@code seen}, null: all): 409. */
    @Transactional
    public void delete(UUID id, Long expectedVersion, Set<UUID> seen) {
        journal.lock();
        Relation relation = current(id, expectedVersion);
        if (!unseen(relation, seen).isEmpty()) {
            throw ProblemException.conflict(UNSEEN);
        }
        relations.delete(relation);
        touch(relation);
        audit.record(AuditAction.DELETE, "relation", relation.id, null, described(relation));
    }

    /** A relation in words for the audit trail: its entities, type and how many sources it cites. */
    private static String described(Relation relation) {
        return relation.subjectId + " " + relation.type + " " + relation.objectId + " (" + relation.citations.size()
                + " citations)";
    }

    @Transactional
    public Optional<RelationDto> find(UUID id) {
        return relations.findByIdOptional(id).map(RelationDto::of);
    }

    /** The relations of an entity (through merges), both ways, or all when {@code entity} is null. */
    @Transactional
    public List<RelationDto> list(UUID entity, RelationType type, int page, int size) {
        List<String> where = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (entity != null) {
            UUID resolved = registry.resolve(entity).map(e -> e.id)
                    .orElseThrow(() -> ProblemException.notFound("No entity " + entity));
            params.add(resolved);
            where.add("(subjectId = ?" + params.size() + " or objectId = ?" + params.size() + ")");
        }
        if (type != null) {
            params.add(type);
            where.add("type = ?" + params.size());
        }
        String query = where.isEmpty() ? "from Relation" : String.join(" and ", where);
        return relations.find(query, Sort.by("type").and("id"), params.toArray()).page(page, size).list().stream()
                .map(RelationDto::of).toList();
    }

    static final String UNSEEN = "This relation cites sources you cannot read: only someone who may read them can "
            + "delete it or change its entities or type";

    private static List<Citation> unseen(Relation relation, Set<UUID> seen) {
        return seen == null
                ? List.of()
                : relation.citations.stream().filter(c -> !seen.contains(c.sourceId())).toList();
    }

    private Relation current(UUID id, Long expectedVersion) {
        Relation relation = relations.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("No relation " + id));
        if (expectedVersion != null && relation.version != expectedVersion) {
            throw new ProblemException(412, "Relation " + id + " changed since version " + expectedVersion
                    + " (now " + relation.version + ")");
        }
        return relation;
    }

    private void apply(Relation relation, RelationRequest request) {
        RegistryEntity subject = registry.resolve(request.subjectId())
                .orElseThrow(() -> ProblemException.badRequest("No entity " + request.subjectId() + " (subject)"));
        RegistryEntity object = registry.resolve(request.objectId())
                .orElseThrow(() -> ProblemException.badRequest("No entity " + request.objectId() + " (object)"));
        if (subject.id.equals(object.id)) {
            throw ProblemException.badRequest("An entity cannot be related to itself");
        }
        if (request.startDate() != null && request.endDate() != null
                && request.startDate().compareTo(request.endDate()) > 0) {
            throw ProblemException.badRequest("startDate is after endDate");
        }
        relation.subjectId = subject.id;
        relation.objectId = object.id;
        relation.type = request.type();
        relation.startDate = request.startDate();
        relation.endDate = request.endDate();
        relation.citations.clear();
        if (request.citations() != null) {
            relation.citations.addAll(request.citations());
        }
    }

    private void touch(Relation relation) {
        journal.record(relation.subjectId, ChangeOperation.UPDATED);
        journal.record(relation.objectId, ChangeOperation.UPDATED);
    }
}
