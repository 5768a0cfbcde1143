package io.dossier.entities.ftm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.entities.lookup.Slices;
import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.EntityRequest;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.ExternalId;
import io.dossier.entities.registry.RegistryEntity;
import io.dossier.entities.registry.RegistryService;
import io.dossier.entities.registry.TwinFinder;
import io.dossier.entities.relations.RelationRepository;
import io.dossier.entities.relations.RelationRequest;
import io.dossier.entities.relations.RelationService;
import io.dossier.entities.relations.RelationType;
import io.dossier.names.NameKind;

/**
 * Reads FtM JSON Lines into the registry, the steps an import job takes ({@link FtmImportRunner} takes them in
 * order): entities first (created, updated or unchanged, keyed on their FtM id, in batches), then the relationships
 * between them. Each line's outcome is an item; a line that cannot be taken is skipped with the reason, and values
 * over the registry's limits are cut with a note, so nothing stops the file.
 */
@ApplicationScoped
public class FtmImport {

    /** Longest line read; a longer one is skipped with the reason. */
    static final int MAX_LINE_CHARS = 1_000_000;
    private static final int MAX_NAME = 500;
    private static final int MAX_DESCRIPTION = 20_000;
    private static final int MAX_VALUE = 2000;
    private static final Pattern TAG = Pattern
            .compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.:/-]{0,62}[\\p{L}\\p{N}]|[\\p{L}\\p{N}]");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f]");

    private final ObjectMapper json;
    private final RegistryService registry;
    private final RelationService relationService;
    private final RelationRepository relations;
    private final TwinFinder twins;
    private final ManagedExecutor executor;
    private final FtmImportStore store;

    public FtmImport(ObjectMapper json, RegistryService registry, RelationService relationService,
            RelationRepository relations, TwinFinder twins, ManagedExecutor executor, FtmImportStore store) {
        this.executor = executor;
        this.store = store;
        this.json = json;
        this.registry = registry;
        this.relationService = relationService;
        this.relations = relations;
        this.twins = twins;
    }

    /** What became of one line. {@code outcome}: created, possible_twin (created), updated, unchanged, skipped. */
    public record Item(int line, String id, String schema, String outcome, UUID entityId, String note,
            List<UUID> twinOf) {
    }

    /** An entity line, ready to write. */
    record Pending(int line, FtmEntity ftm, EntityRequest request, UUID own, List<String> notes) {
    }

    /**
     * One line read: an entity to write, a relationship (written in the second pass), or a line skipped with the
     * reason (then {@code skipped} is set). {@code id}: the FtM id, when the line has a usable one.
     */
    record Parsed(int line, String id, Item skipped, Pending entity, FtmEntity link, FtmMapping.Link linkType) {
    }

    /**
     * Reads one line of the file for a pass: the first ({@code relationships} false) takes entities and skips what
     * cannot be taken; the second takes relationships only (an entity's line is not made a request again). Null for a
     * line the pass leaves alone.
     */
    Parsed parse(int number, String line, boolean relationships) {
        if (!relationships) {
            return parse(number, line);
        }
        if (line.isBlank() || line.equals(LineReader.OVERLONG)) {
            return null;
        }
        try {
            FtmEntity ftm = json.readValue(line, FtmEntity.class);
            FtmMapping.Link link = ftm == null || ftm.schema() == null ? null : FtmMapping.link(ftm.schema());
            // a line the first pass skipped (no id, a bad id) it recorded already
            return link == null || !usableId(ftm.id()) ? null : new Parsed(number, ftm.id(), null, null, ftm, link);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** An id Dossier keeps: at most 200 characters, no control characters. */
    private static boolean usableId(String id) {
        return id != null && !id.isBlank() && id.length() <= 200 && !CONTROL.matcher(id).find();
    }

    /** Reads one line of the file; null for a blank line. */
    Parsed parse(int number, String line) {
        if (line.isBlank()) {
            return null;
        }
        if (line.equals(LineReader.OVERLONG)) {
            return skipped(number, null, null, "longer than " + MAX_LINE_CHARS + " characters");
        }
        FtmEntity ftm;
        try {
            ftm = json.readValue(line, FtmEntity.class);
        } catch (JsonProcessingException e) {
            String why = java.util.Objects.requireNonNullElse(e.getOriginalMessage(), "not JSON");
            return skipped(number, null, null, "not an FtM entity: " + (why.length() > 200
                    ? why.substring(0, 200) + "…"
                    : why));
        }
        if (ftm == null || ftm.id() == null || ftm.id().isBlank() || ftm.schema() == null) {
            return skipped(number, null, null, "an FtM entity needs an id and a schema");
        }
        if (!usableId(ftm.id())) {
            return skipped(number, null, ftm.schema(), "the id is longer than 200 characters or holds control "
                    + "characters");
        }
        EntityType type = FtmMapping.TYPE_OF.get(ftm.schema());
        FtmMapping.Link link = FtmMapping.link(ftm.schema());
        if (type != null) {
            List<String> notes = new ArrayList<>();
            EntityRequest request = request(ftm, type, notes);
            return request == null
                    ? skipped(number, ftm.id(), ftm.schema(), "no name")
                    : new Parsed(number, ftm.id(), null, new Pending(number, ftm, request, FtmMapping.ownId(ftm
                            .id()), notes), null, null);
        }
        if (link != null) {
            return new Parsed(number, ftm.id(), null, null, ftm, link);
        }
        return skipped(number, ftm.id(), ftm.schema(), "schema " + ftm.schema() + " has no place in Dossier's "
                + "registry (people, organisations, places, events and the links between them)");
    }

    /** A line the reader failed on, skipped with the reason. */
    Parsed unreadable(int line, String reason) {
        return skipped(line, null, null, "could not be read: " + reason);
    }

    private static Parsed skipped(int line, String id, String schema, String reason) {
        return new Parsed(line, id, skip(line, id, schema, reason), null, null, null);
    }

    private static Item skip(int line, String id, String schema, String reason) {
        return new Item(line, id, schema, "skipped", null, reason, List.of());
    }

    /**
     * The first pass over a part of the file: its entity lines written, each line's outcome recorded and the job
     * moved on to {@code cursor}, all in one transaction. Relationship lines wait for the second pass. A line with
     * an id seen before in the file is skipped (only the first line of an id is read).
     */
    @Transactional
    public Map<UUID, EntityDto> entities(UUID job, List<Parsed> lines, int cursor, String user) {
        // nothing here reads what it writes: one flush at the end spares a flush (a dirty check of every entity
        // loaded so far) before each query
        relations.getEntityManager().setFlushMode(jakarta.persistence.FlushModeType.COMMIT);
        Map<String, Integer> seen = new HashMap<>(store.firstLines(job, lines.stream().map(Parsed::id)
                .filter(java.util.Objects::nonNull).distinct().toList()));
        List<Item> items = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        for (Parsed line : lines) {
            if (line.link() != null) {
                continue;
            }
            Integer first = line.id() == null ? null : seen.putIfAbsent(line.id(), line.line());
            if (first != null) {
                String schema = line.entity() != null ? line.entity().ftm().schema() : line.skipped().schema();
                items.add(skip(line.line(), line.id(), schema, "the same id as line " + first + " (only the "
                        + "first line of an id is read)"));
            } else if (line.skipped() != null) {
                items.add(line.skipped());
            } else {
                pending.add(line.entity());
            }
        }
        Map<UUID, EntityDto> created = new HashMap<>();
        if (!pending.isEmpty()) {
            upsert(pending, user, items, created);
        }
        items.sort(java.util.Comparator.comparingInt(Item::line));
        store.record(job, items, cursor);
        return created;
    }

    /** A line the writing of which failed for a reason of its own: skipped with it, and the job moved on. */
    @Transactional
    public void failed(UUID job, Parsed line, String reason, int cursor) {
        String schema = line.entity() != null
                ? line.entity().ftm().schema()
                : line.link() != null ? line.link().schema() : null;
        store.record(job, List.of(skip(line.line(), line.id(), schema, reason)), cursor);
    }

    /**
     * Compares the entities the job created after line {@code after} up to {@code upTo} with the registry, and
     * marks those that resemble one already there as possible twins. Run after the lines' own transaction, so a
     * stop between the two is made up for when the job resumes.
     */
    public void twins(UUID job, int after, int upTo, Map<UUID, EntityDto> known) {
        List<Item> created = store.createdBetween(job, after, upTo);
        Map<UUID, EntityDto> byId = new HashMap<>(known);
        // those the caller does not hold (a job resumed): read again
        registry.findAll(created.stream().map(Item::entityId).filter(id -> !byId.containsKey(id)).toList())
                .forEach(e -> byId.put(e.id(), e));
        List<List<UUID>> twinsOf = Slices.map(created, 20, executor, slice -> slice.stream().map(item -> {
            EntityDto entity = byId.get(item.entityId());
            return entity == null
                    ? List.<UUID>of()
                    : twins.twinsOf(entity).stream().map(t -> t.entityId()).filter(t -> !t.equals(entity.id()))
                            .toList();
        }).toList());
        Map<Integer, List<UUID>> found = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            if (!twinsOf.get(i).isEmpty()) {
                found.put(created.get(i).line(), twinsOf.get(i));
            }
        }
        store.twinsChecked(job, found, upTo);
    }

    /**
     * The second pass over a part of the file: its relationship lines made relations where both ends are in the
     * file or the registry, the outcomes recorded and the job moved on to {@code cursor}, in one transaction.
     */
    @Transactional
    public void relationships(UUID job, List<Parsed> lines, int cursor, String user) {
        Map<String, Integer> seen = new HashMap<>(store.firstLines(job, lines.stream().map(Parsed::id).distinct()
                .toList()));
        Map<String, UUID> inFile = store.entitiesOf(job, lines.stream().flatMap(l -> java.util.stream.Stream.of(l
                .link().first(l.linkType().subject()), l.link().first(l.linkType().object())))
                .filter(java.util.Objects::nonNull).distinct().toList());
        List<Item> items = new ArrayList<>();
        var em = relations.getEntityManager();
        for (Parsed line : lines) {
            Integer first = seen.putIfAbsent(line.id(), line.line());
            items.add(first != null && first != line.line()
                    ? skip(line.line(), line.id(), line.link().schema(), "the same id as line " + first + " (only "
                            + "the first line of an id is read)")
                    : link(line.line(), line.link(), line.linkType(), inFile, user));
            // each relation is written: the entities loaded for it are let go, or every later flush would check
            // them all again
            em.flush();
            em.clear();
        }
        store.record(job, items, cursor);
    }

    /**
     * A batch of entities: Dossier's own (exported from this registry) are compared in FtM terms and replaced only
     * if they differ; the others are upserted on their FtM id.
     */
    private void upsert(List<Pending> batch, String user, List<Item> items, Map<UUID, EntityDto> created) {
        List<Pending> keyed = new ArrayList<>();
        for (Pending p : batch) {
            Optional<RegistryEntity> own = p.own() == null ? Optional.empty() : registry.resolve(p.own());
            if (own.isEmpty()) {
                keyed.add(p);
                continue;
            }
            EntityDto before = EntityDto.of(own.get());
            if (!before.id().equals(p.own())) {
                // merged into another since the export: the survivor is not overwritten with the old content
                items.add(new Item(p.line(), p.ftm().id(), p.ftm().schema(), "unchanged", before.id(),
                        "merged into " + before.id() + " since; left as it is", List.of()));
                continue;
            }
            if (FtmMapping.toFtm(before).properties().equals(FtmMapping.toFtm(asDto(before, p.request()))
                    .properties()) && before.type() == p.request().type()) {
                items.add(item(p, "unchanged", before.id()));
            } else {
                EntityDto after = registry.replace(before.id(), null, merged(before, p.request()), user);
                items.add(item(p, "updated", after.id()));
            }
        }
        if (keyed.isEmpty()) {
            return;
        }
        Map<ExternalId, RegistryService.Upsert> outcomes = registry.upsertEntities(
                keyed.stream().map(Pending::request).toList(), user);
        for (Pending p : keyed) {
            // every key has its outcome: a batch holds each FtM id once
            RegistryService.Upsert outcome = outcomes.get(p.request().externalIds().get(0));
            items.add(item(p, outcome.outcome().name().toLowerCase(java.util.Locale.ROOT), outcome.entity().id()));
            if (outcome.outcome() == RegistryService.Upserted.CREATED) {
                created.put(outcome.entity().id(), outcome.entity());
            }
        }
    }

    private static Item item(Pending p, String outcome, UUID id) {
        return new Item(p.line(), p.ftm().id(), p.ftm().schema(), outcome, id,
                p.notes().isEmpty() ? null : String.join("; ", p.notes()), List.of());
    }

    /** An own entity as the import would leave it, to compare in FtM terms. */
    private static EntityDto asDto(EntityDto before, EntityRequest request) {
        List<EntityDto.NameDto> names = new ArrayList<>();
        names.add(new EntityDto.NameDto(request.primaryName(), null, NameKind.PRIMARY));
        request.names().forEach(n -> names.add(new EntityDto.NameDto(n.value(), n.lang(), n.kind())));
        return new EntityDto(before.id(), request.type(), request.primaryName(), request.description(), names,
                request.attributes(), before.externalIds(), request.tags(), null, null, null, null, null, 0);
    }

    /**
     * An own entity changed through FtM: what FtM says, with what it cannot say kept from before (the languages
     * and finer kinds of names it still has, attributes that are not FtM properties, external ids).
     */
    private static EntityRequest merged(EntityDto before, EntityRequest request) {
        Map<String, EntityDto.NameDto> kept = new HashMap<>();
        before.names().forEach(n -> kept.put(n.value(), n));
        List<EntityRequest.NameRequest> names = request.names().stream().map(n -> {
            EntityDto.NameDto old = kept.get(n.value());
            return old != null && FtmMapping.sameFtmKind(old.kind(), n.kind())
                    ? new EntityRequest.NameRequest(n.value(), old.lang(), old.kind())
                    : n;
        }).toList();
        Map<String, List<String>> attributes = new LinkedHashMap<>(request.attributes());
        before.attributes().forEach((k, v) -> {
            if (!FtmMapping.ATTRIBUTES.contains(k) && !k.equals("wikidataId")) {
                attributes.put(k, v);
            }
        });
        List<ExternalId> ids = before.externalIds();
        return new EntityRequest(request.type(), request.primaryName(), request.description(), names, attributes,
                ids, request.tags());
    }

    /** The entity an FtM line describes, its values cut to the registry's limits (each cut noted); null if nameless. */
    EntityRequest request(FtmEntity ftm, EntityType type, List<String> notes) {
        List<String> primary = ftm.values("name").stream().filter(v -> v != null && !v.isBlank()).toList();
        if (primary.isEmpty()) {
            return null;
        }
        List<EntityRequest.NameRequest> names = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        String primaryName = clean(primary.get(0), MAX_NAME, "name", notes);
        if (primaryName.isEmpty()) {
            return null;
        }
        seen.add(primaryName);
        addNames(names, seen, primary.subList(1, primary.size()), NameKind.ALIAS, notes);
        addNames(names, seen, ftm.values("alias"), NameKind.ALIAS, notes);
        addNames(names, seen, ftm.values("weakAlias"), NameKind.WEAK_ALIAS, notes);
        addNames(names, seen, ftm.values("previousName"), NameKind.FORMER, notes);
        String description = ftm.first("description");
        if (description != null) {
            description = clean(description, MAX_DESCRIPTION, "description", notes).replace("\u0000", "");
        }
        List<String> tags = new ArrayList<>();
        for (String keyword : ftm.values("keywords")) {
            if (keyword != null && TAG.matcher(keyword).matches() && tags.size() < 50 && !tags.contains(keyword)) {
                tags.add(keyword);
            } else if (keyword != null) {
                notes.add("keyword \"" + abbreviate(keyword) + "\" left out (not a Dossier tag, or over 50)");
            }
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        ftm.properties().forEach((property, values) -> {
            if (FtmMapping.ATTRIBUTES.contains(property) && values != null) {
                List<String> kept = values.stream().filter(v -> v != null && !v.isBlank()).limit(100)
                        .map(v -> clean(v, MAX_VALUE, property, notes)).toList();
                if (!kept.isEmpty()) {
                    attributes.put(property, kept);
                }
            }
        });
        // the key: an entity of another registry (another Dossier's dossier-<id> too) keeps its FtM id
        List<ExternalId> ids = new ArrayList<>();
        ids.add(new ExternalId(FtmMapping.SCHEME, ftm.id()));
        // wikidataId is kept as an attribute: an external id is unique in the registry, and two FtM entities (or
        // an FtM entity and one already here) may name the same item
        List<String> wikidata = ftm.values("wikidataId").stream().filter(q -> q != null && q.matches("Q[0-9]{1,12}"))
                .distinct().limit(100).toList();
        if (!wikidata.isEmpty()) {
            attributes.put("wikidataId", wikidata);
        }
        return new EntityRequest(type, primaryName, description, names, attributes, ids, tags);
    }

    private static void addNames(List<EntityRequest.NameRequest> names, java.util.Set<String> seen,
            List<String> values, NameKind kind, List<String> notes) {
        for (String value : values) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (names.size() >= 1999) {
                notes.add("names beyond 2,000 left out");
                return;
            }
            String name = clean(value, MAX_NAME, "a name", notes);
            if (!name.isEmpty() && seen.add(name)) {
                names.add(new EntityRequest.NameRequest(name, null, kind));
            }
        }
    }

    /** Control characters out, cut to {@code max} characters (noted). */
    private static String clean(String value, int max, String what, List<String> notes) {
        String clean = CONTROL.matcher(value).replaceAll(" ").strip();
        if (clean.length() > max) {
            notes.add(what + " cut to " + max + " characters");
            clean = clean.substring(0, max);
        }
        return clean;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /** A relationship line: both ends must be in this file or already in the registry. */
    private Item link(int line, FtmEntity ftm, FtmMapping.Link link, Map<String, UUID> inFile, String user) {
        UUID subject = end(ftm.first(link.subject()), inFile);
        UUID object = end(ftm.first(link.object()), inFile);
        if (subject == null || object == null) {
            return skip(line, ftm.id(), ftm.schema(), "an end (" + (subject == null
                    ? link.subject()
                    : link.object()) + ") is neither in the file nor in the registry");
        }
        if (subject.equals(object)) {
            return skip(line, ftm.id(), ftm.schema(), "both ends are the same entity");
        }
        RelationType type = link.type() != null ? link.type() : FtmMapping.typeOfRole(ftm.first("role"));
        String start = date(ftm.first("startDate"));
        String end = date(ftm.first("endDate"));
        if (relations.count("subjectId = ?1 and objectId = ?2 and type = ?3", subject, object, type) > 0) {
            return new Item(line, ftm.id(), ftm.schema(), "unchanged", null, null, List.of());
        }
        if (start != null && end != null && end.compareTo(start.substring(0, Math.min(start.length(),
                end.length()))) < 0) {
            return skip(line, ftm.id(), ftm.schema(), "endDate " + end + " is before startDate " + start);
        }
        relationService.create(new RelationRequest(subject, object, type, start, end, List.of()), user);
        return new Item(line, ftm.id(), ftm.schema(), "created", null, null, List.of());
    }

    /** An end of a relationship: an entity of the file (through merges since), or of the registry. */
    private UUID end(String ftmId, Map<String, UUID> inFile) {
        if (ftmId == null) {
            return null;
        }
        UUID known = inFile.get(ftmId);
        if (known != null) {
            return registry.resolve(known).map(e -> e.id).orElse(null);
        }
        UUID own = FtmMapping.ownId(ftmId);
        Optional<RegistryEntity> found = own == null ? Optional.empty() : registry.resolve(own);
        if (found.isEmpty()) {
            found = registry.byExternalId(new ExternalId(FtmMapping.SCHEME, ftmId));
        }
        return found.map(e -> e.id).orElse(null);
    }

    /** An FtM date (a prefix of ISO 8601) as Dossier keeps it: year, year-month or a day; anything else dropped. */
    static String date(String value) {
        if (value == null) {
            return null;
        }
        String day = value.length() > 10 ? value.substring(0, 10) : value;
        return day.matches("\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?") ? day : null;
    }
}
