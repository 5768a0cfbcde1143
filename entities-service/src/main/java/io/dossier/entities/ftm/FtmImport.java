package io.dossier.entities.ftm;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.context.ManagedExecutor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.ProblemException;
import io.dossier.entities.lookup.Slices;
import io.dossier.entities.registry.EntityDto;
import io.dossier.entities.registry.EntityRequest;
import io.dossier.entities.registry.EntityType;
import io.dossier.entities.registry.ExternalId;
import io.dossier.entities.registry.NameKind;
import io.dossier.entities.registry.RegistryEntity;
import io.dossier.entities.registry.RegistryService;
import io.dossier.entities.registry.RegistryService.Upserted;
import io.dossier.entities.registry.TwinFinder;
import io.dossier.entities.relations.RelationRepository;
import io.dossier.entities.relations.RelationRequest;
import io.dossier.entities.relations.RelationService;
import io.dossier.entities.relations.RelationType;
import io.quarkus.logging.Log;

/**
 * Reads FtM JSON Lines into the registry: entities first (created, updated or unchanged, keyed on their FtM id, in
 * batches), then the relationships between them. Each line's outcome is an item; a line that cannot be taken is
 * skipped with the reason, and values over the registry's limits are cut with a note, so nothing stops the file.
 */
@ApplicationScoped
public class FtmImport {

    /** The most lines one import reads; a larger file is refused before anything is written. */
    static final int MAX_LINES = 50_000;
    /** Items listed in the answer; the counts cover all of them. */
    static final int MAX_ITEMS = 10_000;
    static final int MAX_LINE_CHARS = 1_000_000;
    private static final int BATCH = 200;
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

    public FtmImport(ObjectMapper json, RegistryService registry, RelationService relationService,
            RelationRepository relations, TwinFinder twins, ManagedExecutor executor) {
        this.executor = executor;
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

    /**
     * The counts: entities {@code created} (of which {@code possibleTwins} resemble one already there), updated and
     * unchanged; relationships created and unchanged; lines skipped. The items: each line's outcome, the first
     * {@link #MAX_ITEMS}.
     */
    public record Result(int read, int created, int possibleTwins, int updated, int unchanged, int relationsCreated,
            int relationsUnchanged, int skipped, List<Item> items, int itemsLeftOut) {
    }

    private record Pending(int line, FtmEntity ftm, EntityRequest request, UUID own, List<String> notes) {
    }

    /** A relationship line, made a relation once the entities of the file are in. */
    private record PendingLink(int line, FtmEntity ftm, FtmMapping.Link link) {
    }

    public Result load(BufferedReader lines, String user) throws IOException {
        List<Pending> entities = new ArrayList<>();
        List<Item> skipped = new ArrayList<>();
        List<PendingLink> links = new ArrayList<>();
        Map<String, Integer> lineOfId = new HashMap<>();
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            if (number > MAX_LINES) {
                throw new ProblemException(413, "More than " + MAX_LINES + " lines: split the file and import the "
                        + "parts one after another (entities before the relationships that name them)");
            }
            if (line.isBlank()) {
                continue;
            }
            FtmEntity ftm;
            try {
                ftm = line.length() > MAX_LINE_CHARS ? null : json.readValue(line, FtmEntity.class);
            } catch (JsonProcessingException e) {
                skipped.add(skip(number, null, null, "not an FtM entity: " + e.getOriginalMessage()));
                continue;
            }
            if (ftm == null || ftm.id() == null || ftm.id().isBlank() || ftm.schema() == null) {
                skipped.add(skip(number, null, null, line.length() > MAX_LINE_CHARS
                        ? "longer than " + MAX_LINE_CHARS + " characters"
                        : "an FtM entity needs an id and a schema"));
                continue;
            }
            if (ftm.id().length() > 200 || CONTROL.matcher(ftm.id()).find()) {
                skipped.add(skip(number, null, ftm.schema(), "the id is longer than 200 characters or holds "
                        + "control characters"));
                continue;
            }
            Integer first = lineOfId.putIfAbsent(ftm.id(), number);
            if (first != null) {
                skipped.add(skip(number, ftm.id(), ftm.schema(), "the same id as line " + first + " (only the "
                        + "first line of an id is read)"));
                continue;
            }
            EntityType type = FtmMapping.TYPE_OF.get(ftm.schema());
            FtmMapping.Link link = FtmMapping.link(ftm.schema());
            if (type != null) {
                List<String> notes = new ArrayList<>();
                EntityRequest request = request(ftm, type, notes);
                if (request == null) {
                    skipped.add(skip(number, ftm.id(), ftm.schema(), "no name"));
                } else {
                    entities.add(new Pending(number, ftm, request, FtmMapping.ownId(ftm.id()), notes));
                }
            } else if (link != null) {
                links.add(new PendingLink(number, ftm, link));
            } else {
                skipped.add(skip(number, ftm.id(), ftm.schema(), "schema " + ftm.schema() + " has no place in "
                        + "Dossier's registry (people, organisations, places, events and the links between them)"));
            }
        }
        if (number == 0) {
            throw ProblemException.badRequest("The body holds no lines");
        }
        long started = System.nanoTime();
        Map<String, UUID> byFtmId = new HashMap<>();
        Map<Integer, Item> items = new LinkedHashMap<>();
        skipped.forEach(i -> items.put(i.line(), i));
        long twinNanos = 0;
        for (int from = 0; from < entities.size(); from += BATCH) {
            twinNanos += upsert(entities.subList(from, Math.min(entities.size(), from + BATCH)), user, byFtmId, items);
        }
        long upserted = System.nanoTime();
        for (PendingLink l : links) {
            Item item = link(l.line(), l.ftm(), l.link(), byFtmId, user);
            items.put(item.line(), item);
        }
        Log.infof("FtM import: %d lines, %d entities in %d ms (of which looking for twins %d ms), %d links in %d ms",
                number, entities.size(), (upserted - started) / 1_000_000, twinNanos / 1_000_000,
                links.size(), (System.nanoTime() - upserted) / 1_000_000);
        List<Item> all = items.values().stream().sorted(java.util.Comparator.comparingInt(Item::line)).toList();
        List<Item> linkItems = all.stream().filter(i -> FtmMapping.link(i.schema()) != null).toList();
        List<Item> entityItems = all.stream().filter(i -> FtmMapping.link(i.schema()) == null).toList();
        return new Result(all.size(), count(entityItems, "created") + count(entityItems, "possible_twin"),
                count(entityItems, "possible_twin"), count(entityItems, "updated"), count(entityItems, "unchanged"),
                count(linkItems, "created"), count(linkItems, "unchanged"), count(all, "skipped"),
                all.subList(0, Math.min(all.size(), MAX_ITEMS)), Math.max(0, all.size() - MAX_ITEMS));
    }

    private static int count(List<Item> items, String outcome) {
        return (int) items.stream().filter(i -> i.outcome().equals(outcome)).count();
    }

    private static Item skip(int line, String id, String schema, String reason) {
        return new Item(line, id, schema, "skipped", null, reason, List.of());
    }

    /**
     * A batch of entities: Dossier's own (exported from this registry) are compared in FtM terms and replaced only
     * if they differ; the others are upserted on their FtM id.
     */
    /** Answers the time spent looking for twins. */
    private long upsert(List<Pending> batch, String user, Map<String, UUID> byFtmId, Map<Integer, Item> items) {
        List<Pending> keyed = new ArrayList<>();
        for (Pending p : batch) {
            Optional<RegistryEntity> own = p.own() == null ? Optional.empty() : registry.resolve(p.own());
            if (own.isEmpty()) {
                keyed.add(p);
                continue;
            }
            EntityDto before = EntityDto.of(own.get());
            byFtmId.put(p.ftm().id(), before.id());
            if (!before.id().equals(p.own())) {
                // merged into another since the export: the survivor is not overwritten with the old content
                items.put(p.line(), new Item(p.line(), p.ftm().id(), p.ftm().schema(), "unchanged", before.id(),
                        "merged into " + before.id() + " since; left as it is", List.of()));
                continue;
            }
            if (FtmMapping.toFtm(before).properties().equals(FtmMapping.toFtm(asDto(before, p.request()))
                    .properties()) && before.type() == p.request().type()) {
                items.put(p.line(), item(p, "unchanged", before.id(), List.of()));
            } else {
                EntityDto after = registry.replace(before.id(), null, merged(before, p.request()), user);
                items.put(p.line(), item(p, "updated", after.id(), List.of()));
            }
        }
        if (keyed.isEmpty()) {
            return 0;
        }
        Map<ExternalId, RegistryService.Upsert> outcomes = registry.upsertEntities(
                keyed.stream().map(Pending::request).toList(), user);
        List<Pending> created = new ArrayList<>();
        for (Pending p : keyed) {
            // every key has its outcome: load() reads each FtM id once
            RegistryService.Upsert outcome = outcomes.get(p.request().externalIds().get(0));
            UUID id = outcome.entity().id();
            byFtmId.put(p.ftm().id(), id);
            if (outcome.outcome() == Upserted.CREATED) {
                created.add(p);
            } else {
                items.put(p.line(), item(p, outcome.outcome().name().toLowerCase(java.util.Locale.ROOT), id,
                        List.of()));
            }
        }
        // the twins of the new ones: the matcher's work, over the cores
        long started = System.nanoTime();
        List<List<UUID>> twinsOf = Slices.map(created, 20, executor, slice -> slice.stream()
                .map(p -> {
                    EntityDto entity = outcomes.get(p.request().externalIds().get(0)).entity();
                    return twins.twinsOf(entity).stream().map(t -> t.entityId())
                            .filter(twin -> !twin.equals(entity.id())).toList();
                }).toList());
        long twinNanos = System.nanoTime() - started;
        for (int i = 0; i < created.size(); i++) {
            Pending p = created.get(i);
            List<UUID> twin = twinsOf.get(i);
            items.put(p.line(), item(p, twin.isEmpty() ? "created" : "possible_twin", byFtmId.get(p.ftm().id()),
                    twin));
        }
        return twinNanos;
    }

    private static Item item(Pending p, String outcome, UUID id, List<UUID> twinOf) {
        return new Item(p.line(), p.ftm().id(), p.ftm().schema(), outcome, id,
                p.notes().isEmpty() ? null : String.join("; ", p.notes()), twinOf);
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
    private Item link(int line, FtmEntity ftm, FtmMapping.Link link, Map<String, UUID> byFtmId, String user) {
        UUID subject = end(ftm.first(link.subject()), byFtmId);
        UUID object = end(ftm.first(link.object()), byFtmId);
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
        try {
            relationService.create(new RelationRequest(subject, object, type, start, end, List.of()), user);
        } catch (ProblemException e) {
            return skip(line, ftm.id(), ftm.schema(), e.getMessage());
        }
        return new Item(line, ftm.id(), ftm.schema(), "created", null, null, List.of());
    }

    private UUID end(String ftmId, Map<String, UUID> byFtmId) {
        if (ftmId == null) {
            return null;
        }
        UUID known = byFtmId.get(ftmId);
        if (known != null) {
            return known;
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
