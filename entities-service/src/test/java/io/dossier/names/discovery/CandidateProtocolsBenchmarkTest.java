package io.dossier.names.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.dossier.common.text.TextFolding;
import io.dossier.names.JsonLines;
import io.dossier.names.NameKind;
import io.dossier.names.linking.LinkName;
import io.dossier.names.linking.Mention;
import io.dossier.names.linking.MentionLinker;
import io.dossier.names.matching.Candidate;
import io.dossier.names.matching.IndexedName;
import io.dossier.names.matching.NameIndex;
import io.dossier.testinfra.LocalStack;

/**
 * The candidates queue and the possible mentions measured as the product makes them, in process: texts linked against
 * a registry, the names that no registered name covers spotted, counted over documents.
 * <ul>
 * <li>re3d-dev with a random half of its gold names registered: how many of the other half come up as candidates, and
 * how many candidates seen in at least two documents are gold names;</li>
 * <li>the seeds against the sample registry less some of its spellings: how many of those come back as possible
 * mentions of their entity, and how many possible mentions are wrong.</li>
 * </ul>
 */
@Tag("shared-corpus")
class CandidateProtocolsBenchmarkTest {

    private static final Map<String, SpottedName.Type> TYPES = Map.of("Person", SpottedName.Type.PERSON,
            "Organisation", SpottedName.Type.ORGANIZATION, "Location", SpottedName.Type.LOCATION);
    private static final Set<String> PRONOUNS = Set.of("i", "we", "he", "she", "it", "they", "us", "our", "his",
            "her", "their");

    record Gold(String documentId, int begin, int end, SpottedName.Type type, String value) {

        String key() {
            return type + "|" + fold(value);
        }

        /** The name as registered or not: whatever the type a mention gives it, one registry entry. */
        String name() {
            return fold(value);
        }
    }

    @Test
    void re3dWithHalfItsNamesRegistered() throws IOException {
        Map<String, String> documents = new LinkedHashMap<>();
        List<Gold> gold = new ArrayList<>();
        try (Stream<Path> folders = Files.list(LocalStack.shared().resolve("corpus/re3d-dev"))) {
            for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
                for (JsonNode d : JsonLines.read(folder.resolve("documents.json"))) {
                    documents.put(d.get("_id").asText(), d.get("text").asText());
                }
                for (JsonNode e : JsonLines.read(folder.resolve("entities.json"))) {
                    SpottedName.Type type = TYPES.get(e.get("type").asText());
                    String value = e.get("value").asText();
                    String bare = value.startsWith("the ") || value.startsWith("The ") ? value.substring(4) : value;
                    // a name: it opens with a capital once a leading "the" is set aside ("a UAV launch site" is a
                    // description, "the Islamic State" a name); pronouns are coreference
                    if (type != null && !bare.isEmpty() && Character.isUpperCase(bare.charAt(0))
                            && !PRONOUNS.contains(value.toLowerCase(Locale.ROOT))) {
                        gold.add(new Gold(e.get("documentId").asText(), e.get("begin").asInt(),
                                e.get("end").asInt(), type, value));
                    }
                }
            }
        }
        // the distinct gold names, a random half registered (a fixed seed: the same half every run)
        List<String> names = new ArrayList<>(new LinkedHashSet<>(gold.stream().map(Gold::name).toList()));
        Collections.shuffle(names, new Random(20261203));
        Set<String> registeredNames = new HashSet<>(names.subList(0, names.size() / 2));
        Set<String> registered = new HashSet<>();
        Set<String> unregistered = new HashSet<>();
        gold.forEach(g -> (registeredNames.contains(g.name()) ? registered : unregistered).add(g.key()));
        List<LinkName> linkNames = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Gold g : gold) {
            if (registeredNames.contains(g.name()) && seen.add(g.name())) {
                linkNames.add(new LinkName(UUID.nameUUIDFromBytes(g.name().getBytes(StandardCharsets.UTF_8)),
                        g.value(), NameKind.ALIAS));
            }
        }
        MentionLinker linker = MentionLinker.build(linkNames);

        // the candidates: each spotted name with the documents it is in
        Map<String, Set<String>> candidates = new TreeMap<>();
        Map<String, List<Gold>> goldOf = new HashMap<>();
        gold.forEach(g -> goldOf.computeIfAbsent(g.documentId(), k -> new ArrayList<>()).add(g));
        Set<String> found = new HashSet<>(); // unregistered gold names an occurrence of a candidate overlaps
        Map<String, Boolean> right = new HashMap<>(); // a candidate is right when it is a gold name of its type
        // unregistered gold names with a mention that no registered name's link holds whole: the others are linked
        // as a longer registered name of the same one ("Jeff Davis" inside a registered "Navy Capt. Jeff Davis")
        Set<String> open = new HashSet<>();
        // why an open name is missed: a registered name inside one of its mentions ("Secretary Kerry" where "Kerry" is
        // registered: the registry links it), or a name spotted over it with another type (re3d types "Australia" a
        // place in one mention and an organisation in the next)
        Set<String> holdsRegistered = new HashSet<>();
        Set<String> otherType = new HashSet<>();
        for (Map.Entry<String, String> d : documents.entrySet()) {
            List<Mention> links = linker.link(d.getValue());
            for (Gold g : goldOf.getOrDefault(d.getKey(), List.of())) {
                if (unregistered.contains(g.key()) && links.stream()
                        .noneMatch(m -> m.start() <= g.begin() && g.end() <= m.end())) {
                    open.add(g.key());
                    if (links.stream().anyMatch(m -> g.begin() <= m.start() && m.end() <= g.end())) {
                        holdsRegistered.add(g.key());
                    }
                }
            }
            for (SpottedName s : NameSpotter.spot(d.getValue(), links)) {
                String key = s.type() + "|" + fold(s.name());
                candidates.computeIfAbsent(key, k -> new HashSet<>()).add(d.getKey());
                for (Gold g : goldOf.getOrDefault(d.getKey(), List.of())) {
                    if (g.end() <= s.start() || s.end() <= g.begin()) {
                        continue;
                    }
                    if (g.type() != s.type()) {
                        otherType.add(g.key());
                        continue;
                    }
                    if (unregistered.contains(g.key())) {
                        found.add(g.key());
                    }
                    right.merge(key, true, (a, b) -> true);
                }
                right.putIfAbsent(key, false);
            }
        }
        double recall = (double) found.size() / unregistered.size();
        double openRecall = (double) found.stream().filter(open::contains).count() / open.size();
        List<String> frequent = candidates.entrySet().stream().filter(e -> e.getValue().size() >= 2)
                .map(Map.Entry::getKey).toList();
        long frequentRight = frequent.stream().filter(right::get).count();
        double precision = frequent.isEmpty() ? 0 : (double) frequentRight / frequent.size();
        System.out.printf("candidates on re3d-dev, %d of %d distinct gold names registered: recall of the other %d "
                + "(by type) among the candidates %.3f (aim 0.8); %d candidates in all, %d seen in at least 2 "
                + "documents, of which %d gold names: precision %.3f (aim 0.7)%n", registeredNames.size(), names.size(),
                unregistered.size(), recall, candidates.size(), frequent.size(), frequentRight, precision);
        System.out.printf("  of those, the %d with a mention that no registered name's link holds whole (the others "
                + "are linked as a longer registered name of the same one): recall %.3f%n", open.size(), openRecall);
        System.out.println("  frequent candidates that are no gold name: " + frequent.stream()
                .filter(k -> !right.get(k)).toList());
        List<String> missed = unregistered.stream().filter(k -> !found.contains(k) && open.contains(k)).sorted()
                .toList();
        List<String> missedHolding = missed.stream().filter(holdsRegistered::contains).toList();
        List<String> missedTyped = missed.stream().filter(k -> !holdsRegistered.contains(k) && otherType.contains(k))
                .toList();
        List<String> missedElse = missed.stream()
                .filter(k -> !holdsRegistered.contains(k) && !otherType.contains(k)).toList();
        System.out.printf("  open names missed: %d; %d hold a registered name in a mention %s; %d spotted with another"
                + " type %s; %d not spotted %s%n", missed.size(), missedHolding.size(), missedHolding,
                missedTyped.size(), missedTyped, missedElse.size(), missedElse);
        // floors just under the measurement (recall 0.527, precision 1.000): the aims (0.8 and 0.7) are in the
        // printed line; recall is far from its aim (decision 37)
        assertThat(recall).isGreaterThan(0.52);
        assertThat(precision).isGreaterThan(0.9);
    }

    @Test
    void theSeedsWithSomeSpellingsOfTheSampleRegistryRemoved() throws IOException {
        // the sample registry, and the seeds' texts
        List<JsonNode> entities = JsonLines
                .read(LocalStack.root().resolve("deploy/sample-data/entities/registry.jsonl"));
        Map<UUID, String> types = new HashMap<>();
        Map<UUID, String> primary = new HashMap<>();
        Map<UUID, List<IndexedName>> names = new LinkedHashMap<>();
        for (JsonNode e : entities) {
            UUID id = UUID.nameUUIDFromBytes(e.get("primaryName").asText().getBytes(StandardCharsets.UTF_8));
            types.put(id, e.get("type").asText());
            primary.put(id, e.get("primaryName").asText());
            List<IndexedName> list = new ArrayList<>();
            list.add(new IndexedName(id, e.get("type").asText(), e.get("primaryName").asText(), NameKind.PRIMARY));
            for (JsonNode n : e.path("names")) {
                list.add(new IndexedName(id, e.get("type").asText(), n.get("value").asText(),
                        NameKind.valueOf(n.path("kind").asText("ALIAS"))));
            }
            names.put(id, list);
        }
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.list(LocalStack.shared().resolve("seeds"))) {
            for (Path f : files.sorted().toList()) {
                seeds.add(Files.readString(f));
            }
        }
        // the spellings the seeds use that are not the entity's primary name (Latin script, loose kinds): removed
        MentionLinker full = linker(names, Set.of());
        Map<String, UUID> removed = new TreeMap<>(); // folded spelling -> its entity
        for (String seed : seeds) {
            for (Mention m : full.link(seed)) {
                IndexedName n = names.get(m.entityId()).stream().filter(x -> x.value().equals(m.name())).findFirst()
                        .orElseThrow();
                if (n.kind() != NameKind.PRIMARY && n.kind().matchesLoosely()
                        && n.value().codePoints()
                                .noneMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
                    removed.put(fold(n.value()), m.entityId());
                }
            }
        }
        Map<UUID, List<IndexedName>> reduced = new LinkedHashMap<>();
        names.forEach((id, list) -> reduced.put(id, list.stream().filter(n -> !removed.containsKey(fold(n.value()))
                || n.kind() == NameKind.PRIMARY).toList()));
        NameIndex index = new NameIndex();
        reduced.forEach((id, list) -> index.put(id, types.get(id), list));
        MentionLinker linker = linker(reduced, Set.of());

        Set<String> back = new HashSet<>();
        List<String> wrong = new ArrayList<>();
        Set<String> spottedRemoved = new LinkedHashSet<>();
        int possible = 0;
        for (String seed : seeds) {
            List<Mention> truth = full.link(seed); // what the whole registry links: whose name each span is
            List<Mention> links = linker.link(seed);
            for (SpottedName s : NameSpotter.spot(seed, links)) {
                if (removed.containsKey(fold(s.name()))) {
                    List<Candidate> best = index.match(s.name(), s.type().name(), 1);
                    spottedRemoved.add(s.name() + " " + s.type() + " best " + (best.isEmpty()
                            ? "none"
                            : primary.get(best.get(0).entityId()) + " " + best.get(0).score() + " "
                                    + best.get(0).rule() + " " + best.get(0).matchedKind()));
                }
                Optional<Candidate> c = Variants.of(index, s);
                if (c.isEmpty()) {
                    continue;
                }
                possible++;
                UUID expected = removed.get(fold(s.name()));
                // right: the entity the whole registry links there (a removed spelling, or a longer name around
                // one), or one of whose names the spelling is
                Optional<UUID> there = truth.stream().filter(m -> m.start() < s.end() && s.start() < m.end())
                        .map(Mention::entityId).findFirst();
                boolean isRight = c.get().entityId().equals(expected) || there.equals(Optional.of(c.get()
                        .entityId())) || names.get(c.get().entityId()).stream()
                                .anyMatch(n -> fold(n.value()).equals(fold(s.name())));
                if (expected != null && isRight) {
                    back.add(fold(s.name()));
                }
                if (!isRight) {
                    wrong.add(s.name() + " → " + primary.get(c.get().entityId()) + " (" + c.get().score() + ", "
                            + c.get().rule() + ")");
                }
            }
        }
        System.out.printf("possible mentions on the seeds, %d spellings of the sample registry removed (%s): %d came "
                + "back as possible mentions of their entity; %d possible mentions in all, %d wrong %s%n",
                removed.size(), removed.keySet(), back.size(), possible, wrong.size(), wrong);
        System.out.println("  not back: " + removed.keySet().stream().filter(k -> !back.contains(k)).toList());
        System.out.println("  removed spellings spotted, with the matcher's best: " + spottedRemoved);
        // measured: 15 removed, 7 back, 10 possible mentions, none wrong
        assertThat(removed).hasSizeGreaterThan(10);
        assertThat(back).hasSizeGreaterThanOrEqualTo(6);
        assertThat(wrong).hasSizeLessThanOrEqualTo(1);
    }

    private static MentionLinker linker(Map<UUID, List<IndexedName>> names, Set<String> leftOut) {
        List<LinkName> all = new ArrayList<>();
        names.values().forEach(list -> list.stream().filter(n -> !leftOut.contains(n.value()))
                .forEach(n -> all.add(new LinkName(n.entityId(), n.value(), n.kind()))));
        return MentionLinker.build(all);
    }

    private static String fold(String name) {
        String f = TextFolding.fold(name);
        return f.startsWith("the ") ? f.substring(4) : f;
    }

}
