package io.dossier.names.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dossier.names.NameKind;

class NameIndexTest {

    private static final UUID KH = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID QAANI = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID SOLEIMANI = UUID.fromString("00000000-0000-0000-0000-000000000003");
    private static final UUID KHAZALI = UUID.fromString("00000000-0000-0000-0000-000000000004");
    private static final UUID AAH = UUID.fromString("00000000-0000-0000-0000-000000000005");
    private static final UUID BADR = UUID.fromString("00000000-0000-0000-0000-000000000006");
    private static final UUID MUHANDIS = UUID.fromString("00000000-0000-0000-0000-000000000007");

    private NameIndex index;

    @BeforeEach
    void load() {
        index = new NameIndex();
        put(KH, "Organization", "Kata'ib Hizballah", NameKind.PRIMARY, "Hezbollah Brigades", NameKind.ALIAS, "KH",
                NameKind.ABBREVIATION);
        put(QAANI, "Person", "Esmail Qaani", NameKind.PRIMARY);
        put(SOLEIMANI, "Person", "Qasem Soleimani", NameKind.PRIMARY, "قاسم سليماني", NameKind.TRANSLITERATION,
                "Haj Qasem", NameKind.WEAK_ALIAS);
        put(KHAZALI, "Person", "KHAZALI, Qais", NameKind.PRIMARY);
        put(AAH, "Organization", "Asa'ib Ahl al-Haq", NameKind.PRIMARY, "League of the Righteous", NameKind.ALIAS,
                "AAH", NameKind.ABBREVIATION);
        put(BADR, "Organization", "منظمة بدر", NameKind.PRIMARY, "Badr Corps", NameKind.FORMER);
        put(MUHANDIS, "Person", "Abu Mahdi al-Muhandis", NameKind.PRIMARY, "Jamal Jaafar Ibrahimi", NameKind.ALIAS);
    }

    private void put(UUID id, String type, Object... valueKindPairs) {
        List<IndexedName> names = new ArrayList<>();
        for (int i = 0; i < valueKindPairs.length; i += 2) {
            names.add(new IndexedName(id, type, (String) valueKindPairs[i], (NameKind) valueKindPairs[i + 1]));
        }
        index.put(id, type, names);
    }

    private static UUID id(String key) {
        return switch (key) {
            case "KH" -> KH;
            case "QAANI" -> QAANI;
            case "SOLEIMANI" -> SOLEIMANI;
            case "KHAZALI" -> KHAZALI;
            case "AAH" -> AAH;
            case "BADR" -> BADR;
            case "MUHANDIS" -> MUHANDIS;
            default -> throw new IllegalArgumentException(key);
        };
    }

    @ParameterizedTest(name = "{0} -> {1} by {2}")
    @CsvSource(delimiter = '|', value = {
            // query | entity | rule | matched name | min score | max score
            "Kata'ib Hizballah        | KH        | exact           | Kata'ib Hizballah      | 1.0  | 1.0",
            "Kata’ib Hizballah        | KH        | folded          | Kata'ib Hizballah      | 1.0  | 1.0",
            "KATAIB HIZBALLAH         | KH        | folded          | Kata'ib Hizballah      | 1.0  | 1.0",
            "Kataib Hezbollah         | KH        | transliteration | Kata'ib Hizballah      | 0.8  | 0.95",
            "Kata'ib Hizbullah        | KH        | transliteration | Kata'ib Hizballah      | 0.85 | 0.95",
            "Hizballah Brigades       | KH        | transliteration | Hezbollah Brigades     | 0.8  | 0.95",
            "كتائب حزب الله           | KH        | cross-script    | Kata'ib Hizballah      | 0.75 | 0.95",
            "kh                       | KH        | abbreviation    | KH                     | 0.9  | 0.9",
            "Esmail Ghaani            | QAANI     | transliteration | Esmail Qaani           | 0.85 | 0.95",
            "Ismail Qaani             | QAANI     | transliteration | Esmail Qaani           | 0.85 | 0.95",
            "إسماعيل قاآني            | QAANI     | cross-script    | Esmail Qaani           | 0.8  | 0.95",
            "Kasem Suleimani          | SOLEIMANI | transliteration | Qasem Soleimani        | 0.8  | 0.95",
            "Qassem Soleimani         | SOLEIMANI | transliteration | Qasem Soleimani        | 0.85 | 0.95",
            "قاسم سليماني             | SOLEIMANI | exact           | قاسم سليماني           | 1.0  | 1.0",
            "قاسم سُلَيْمانی          | SOLEIMANI | folded          | قاسم سليماني           | 1.0  | 1.0",
            "Qasim Sulaymani          | SOLEIMANI | transliteration | Qasem Soleimani        | 0.8  | 0.95",
            "SOLEIMANI, Qasem         | SOLEIMANI | word-order      | Qasem Soleimani        | 0.96 | 0.96",
            "Haj Qasem                | SOLEIMANI | weak-alias      | Haj Qasem              | 0.9  | 0.9",
            "Qais al-Khazali          | KHAZALI   | word-order      | KHAZALI, Qais          | 0.96 | 0.96",
            "Khazali Qais             | KHAZALI   | folded          | KHAZALI, Qais          | 1.0  | 1.0",
            "Qais el Khazali          | KHAZALI   | word-order      | KHAZALI, Qais          | 0.96 | 0.96",
            "Qays al-Khazaali         | KHAZALI   | transliteration | KHAZALI, Qais          | 0.8  | 0.95",
            "قيس الخزعلي              | KHAZALI   | cross-script    | KHAZALI, Qais          | 0.8  | 0.95",
            "Asaib Ahl al Haq         | AAH       | folded          | Asa'ib Ahl al-Haq      | 1.0  | 1.0",
            "Asa'ib Ahl ul-Haq        | AAH       | article         | Asa'ib Ahl al-Haq      | 0.97 | 0.97",
            "Asaib Ahl Haq            | AAH       | article         | Asa'ib Ahl al-Haq      | 0.97 | 0.97",
            "Asayb Ahl al-Haqq        | AAH       | transliteration | Asa'ib Ahl al-Haq      | 0.8  | 0.95",
            "عصائب أهل الحق           | AAH       | cross-script    | Asa'ib Ahl al-Haq      | 0.75 | 0.95",
            "aah                      | AAH       | abbreviation    | AAH                    | 0.9  | 0.9",
            "Munazzamat Badr          | BADR      | cross-script    | منظمة بدر              | 0.75 | 0.95",
            "منظمه بدر                | BADR      | folded          | منظمة بدر              | 1.0  | 1.0",
            "Badr Corps               | BADR      | exact           | Badr Corps             | 1.0  | 1.0",
            "Abu Mahdi al-Mohandes    | MUHANDIS  | transliteration | Abu Mahdi al-Muhandis  | 0.85 | 0.95",
            "Abu Mahdi Muhandis       | MUHANDIS  | article         | Abu Mahdi al-Muhandis  | 0.97 | 0.97",
            "أبو مهدي المهندس         | MUHANDIS  | cross-script    | Abu Mahdi al-Muhandis  | 0.8  | 0.95",
            "Jamal Jafar Ibrahimi     | MUHANDIS  | transliteration | Jamal Jaafar Ibrahimi  | 0.85 | 0.95",
            "Jamal Jaafar Ibrahini    | MUHANDIS  | fuzzy           | Jamal Jaafar Ibrahimi  | 0.8  | 0.95"})
    void findsTheEntityByTheRuleThatApplies(String query, String entity, String rule, String matchedName,
            double minScore, double maxScore) {
        List<Candidate> found = index.match(query, null, 5);

        assertThat(found).isNotEmpty();
        Candidate best = found.get(0);
        assertThat(best.entityId()).as("best for %s: %s", query, found).isEqualTo(id(entity));
        assertThat(best.rule()).as("rule for %s: %s", query, best).isEqualTo(rule);
        assertThat(best.matchedName()).isEqualTo(matchedName);
        assertThat(best.score()).as("score for %s", query).isBetween(minScore, maxScore);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Kataib", "K H", "KHA", "Khalid", "Hezbollah", "Qasem", "Haj Qassem",
            "Hajj Qasem", "A.A.H", "Aah Ahl", "Bashar al-Assad", "Islamic State", "Hamas", "Muqtada al-Sadr",
            "Mohammed Ali", "بشار الأسد", "حركة النجباء", "Nuri al-Maliki", "Saraya al-Salam"})
    void unrelatedOrPartialNamesDoNotMatch(String query) {
        assertThat(index.match(query, null, 5)).as(query).isEmpty();
    }

    @Test
    void weakAliasesAndAbbreviationsMatchOnlyWhenEqual() {
        assertThat(index.match("KH", null, 5)).extracting(Candidate::entityId, Candidate::rule)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(KH, "abbreviation"));
        assertThat(index.match("KHH", null, 5)).isEmpty();
        assertThat(index.match("Haj Qasim", null, 5)).isEmpty();
        assertThat(index.match("haj  qasem", null, 5)).extracting(Candidate::entityId).containsExactly(SOLEIMANI);
    }

    @Test
    void oneCandidatePerEntityWithItsBestName() {
        List<Candidate> found = index.match("Qasem Soleimani", null, 10);

        assertThat(found).extracting(Candidate::entityId).containsExactly(SOLEIMANI);
        assertThat(found.get(0).matchedName()).isEqualTo("Qasem Soleimani");
        assertThat(found.get(0).matchedKind()).isEqualTo(NameKind.PRIMARY);
        assertThat(found.get(0).rule()).isEqualTo("exact");
    }

    @Test
    void filtersByEntityType() {
        assertThat(index.match("Kataib Hezbollah", "Organization", 5)).extracting(Candidate::entityId)
                .containsExactly(KH);
        assertThat(index.match("Kataib Hezbollah", "Person", 5)).isEmpty();
        assertThat(index.match("Qasem Soleimani", "Person", 5)).extracting(Candidate::entityType)
                .containsExactly("Person");
    }

    @Test
    void ranksBestFirstAndHonoursTheLimit() {
        UUID hezbollah = UUID.randomUUID();
        UUID hezbollahBrigade = UUID.randomUUID();
        put(hezbollah, "Organization", "Hizballah", NameKind.PRIMARY);
        put(hezbollahBrigade, "Organization", "Hizballah Brigade", NameKind.PRIMARY);

        List<Candidate> all = index.match("Hezbollah Brigades", null, 10);
        assertThat(all).extracting(Candidate::entityId).startsWith(KH).contains(hezbollahBrigade);
        assertThat(all).extracting(Candidate::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        assertThat(all).allSatisfy(c -> assertThat(c.score()).isGreaterThanOrEqualTo(NameIndex.THRESHOLD));

        assertThat(index.match("Hezbollah Brigades", null, 1)).extracting(Candidate::entityId).containsExactly(KH);
        assertThat(index.match("Hezbollah Brigades", null, 0)).isEmpty();
    }

    @Test
    void acrossScriptsTheLettersOrderNamesWhoseKeysAgree() {
        UUID maneck = UUID.randomUUID();
        UUID manik = UUID.randomUUID();
        put(maneck, "Person", "Maneck", NameKind.PRIMARY);
        put(manik, "Person", "Manik", NameKind.PRIMARY);

        // both spell the key "manik"; Arabic's kaf is a k, not a ck
        List<Candidate> found = index.match("مانيك", null, 5);
        assertThat(found).extracting(Candidate::entityId).startsWith(manik, maneck);
        assertThat(found.get(0).score()).as("equal scores, ordered by letters").isEqualTo(found.get(1).score());
        assertThat(found.get(0).letters()).isGreaterThan(found.get(1).letters());
    }

    @Test
    void putReplacesAnEntitysNamesAndRemoveDropsThem() {
        assertThat(index.size()).isEqualTo(7);
        put(QAANI, "Person", "Esmail Akbarzadeh", NameKind.PRIMARY);

        assertThat(index.match("Esmail Qaani", null, 5)).isEmpty();
        assertThat(index.match("Esmail Akbarzade", null, 5)).extracting(Candidate::entityId).containsExactly(QAANI);
        assertThat(index.size()).isEqualTo(7);

        index.remove(QAANI);
        index.remove(UUID.randomUUID());
        assertThat(index.match("Esmail Akbarzadeh", null, 5)).isEmpty();
        assertThat(index.size()).isEqualTo(6);

        index.put(KH, "Organization", List.of());
        assertThat(index.match("KH", null, 5)).isEmpty();
        assertThat(index.size()).isEqualTo(5);
    }

    @Test
    void survivesManyReplacementsAndConcurrentQueries() throws Exception {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            put(id, "Person", "Filler Person " + i, NameKind.PRIMARY);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> readers = pool.submit(() -> {
                for (int i = 0; i < 2000; i++) {
                    assertThat(index.match("Kasem Suleimani", "Person", 3)).extracting(Candidate::entityId)
                            .containsExactly(SOLEIMANI);
                }
            });
            Future<?> writer = pool.submit(() -> ids.forEach(index::remove));
            writer.get();
            readers.get();
        } finally {
            pool.shutdown();
        }
        assertThat(index.size()).isEqualTo(7);
        assertThat(index.match("Kataib Hezbollah", null, 5)).extracting(Candidate::entityId).containsExactly(KH);
        assertThat(index.match("Filler Person 12", null, 5)).isEmpty();
    }

    @Test
    void aLargeRegistryGivesTheSameBestCandidateAsWalkingEveryNGram() {
        NameIndex telling = new NameIndex();
        NameIndex exhaustive = new NameIndex(true);
        List<String> names = syllableNames(7, 4000);
        for (int i = 0; i < names.size(); i++) {
            UUID id = UUID.randomUUID();
            String type = i % 3 == 0 ? "Organization" : "Person";
            List<IndexedName> indexed = List.of(new IndexedName(id, type, names.get(i), NameKind.PRIMARY));
            telling.put(id, type, indexed);
            exhaustive.put(id, type, indexed);
        }
        int compared = 0;
        int walkedSome = 0;
        for (int i = 0; i < names.size(); i += 10) {
            String name = names.get(i);
            // misspelt: a letter dropped at the end (a short last word then ends in one letter), a vowel changed,
            // the first letter dropped
            for (String query : List.of(name.substring(0, name.length() - 1), name.replaceFirst("a", "e"),
                    name.substring(1))) {
                int[] grams = NameIndex.grams(NameForm.of(query));
                walkedSome += telling.telling(grams).length < grams.length ? 1 : 0;
                List<Candidate> all = exhaustive.match(query, null, 5);
                List<Candidate> some = telling.match(query, null, 5);
                assertThat(some.isEmpty()).as(query).isEqualTo(all.isEmpty());
                if (!all.isEmpty()) {
                    assertThat(some.get(0).score()).as(query).isEqualTo(all.get(0).score());
                    compared++;
                }
                // of one type (its names' postings walked alone): the same best candidate, of that type
                String type = i % 3 == 0 ? "Organization" : "Person";
                List<Candidate> allOfType = exhaustive.match(query, type, 5);
                List<Candidate> someOfType = telling.match(query, type, 5);
                assertThat(someOfType.isEmpty()).as(query).isEqualTo(allOfType.isEmpty());
                assertThat(someOfType).as(query).allMatch(c -> c.entityType().equals(type));
                if (!allOfType.isEmpty()) {
                    assertThat(someOfType.get(0).score()).as(query).isEqualTo(allOfType.get(0).score());
                    assertThat(someOfType.get(0).entityId()).as(query).isEqualTo(all.stream()
                            .filter(c -> c.entityType().equals(type)).findFirst()
                            .map(Candidate::entityId).orElse(someOfType.get(0).entityId()));
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
        // and the telling n-grams were fewer than all for most queries: the comparison is not of a walk with itself
        assertThat(walkedSome).isGreaterThan(compared / 2);
    }

    @Test
    void aCloseMatchFindsTheCloseSpellingsWithoutTheLastResort() {
        NameIndex index = new NameIndex();
        List<String> names = syllableNames(11, 4000);
        for (String name : names) {
            UUID id = UUID.randomUUID();
            index.put(id, "Person", List.of(new IndexedName(id, "Person", name, NameKind.PRIMARY)));
        }
        int close = 0;
        int same = 0;
        int looser = 0;
        for (int i = 0; i < names.size(); i += 10) {
            String name = names.get(i);
            for (String query : List.of(name.substring(0, name.length() - 1), name.replaceFirst("a", "e"),
                    name.substring(1), name.replace(" ", "") + "ka")) {
                List<Candidate> all = index.match(query, null, 5);
                List<Candidate> closeOnes = index.matchClose(query, null, 5, NameIndex.THRESHOLD);
                // never more: what the close match finds, the full one finds
                assertThat(all).as(query).containsAll(closeOnes);
                // and with a floor, the same candidates over it, scored the same
                assertThat(index.matchClose(query, null, 5, 0.85)).as(query)
                        .isEqualTo(closeOnes.stream().filter(c -> c.score() >= 0.85).toList());
                if (!all.isEmpty() && all.get(0).score() >= 0.85) {
                    close++;
                    same += !closeOnes.isEmpty() && closeOnes.get(0).equals(all.get(0)) ? 1 : 0;
                }
                looser += closeOnes.isEmpty() && !all.isEmpty() ? 1 : 0;
            }
        }
        assertThat(close).isGreaterThan(800);
        // a close spelling shares the telling n-grams: found alike
        assertThat(same).isEqualTo(close);
        // and the last resort did find looser candidates that the close match leaves out: it was skipped
        assertThat(looser).isPositive();
    }

    /**
     * Names of two or three words of two or three made-up syllables: their commonest n-grams lead to more than a
     * tenth of a registry of them, as a large registry's do.
     */
    private static List<String> syllableNames(long seed, int count) {
        java.util.Random random = new java.util.Random(seed);
        String[] syllables = {"ka", "ha", "mo", "sa", "ri", "al", "bu", "da", "ja", "lu", "na", "qa", "ta", "zi", "fa"};
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder name = new StringBuilder();
            for (int word = 0; word < 2 + random.nextInt(2); word++) {
                name.append(word == 0 ? "" : " ");
                for (int syllable = 0; syllable < 2 + random.nextInt(2); syllable++) {
                    name.append(syllables[random.nextInt(syllables.length)]);
                }
            }
            names.add(name.toString());
        }
        return names;
    }
}
