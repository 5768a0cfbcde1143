package io.dossier.entities.lookup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Matching and mention linking over the demo's sample registry, through the API. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
public class LookupResourceTest {

    static final String KH = "Kataib Hezbollah";

    private static boolean loaded;

    @BeforeEach
    void sampleRegistry() throws IOException {
        if (!loaded) {
            loadTheSampleRegistry();
            loaded = true;
        }
    }

    /** Loads the sample registry (idempotent) and waits until the name directory has it. */
    public static void loadTheSampleRegistry() throws IOException {
        byte[] registry = Files.readAllBytes(Path.of(LocalStack.root().toString(),
                "deploy/sample-data/entities/registry.jsonl"));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson").body(registry)
                .post("/api/v1/entities/imports/dossier").then().statusCode(200);
        // the directory follows the registry's feed: wait until it knows the sample's last entity
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !match("Tower 22", null).getList("candidates").isEmpty());
    }

    public static JsonPath match(String name, String type) {
        Map<String, Object> body = type == null
                ? Map.of("name", name, "limit", 20)
                : Map.of("name", name, "type", type, "limit", 20);
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/entities/match").then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Kata'ib Hizbullah | Kataib Hezbollah",
            "KATAIB HIZBALLAH | Kataib Hezbollah",
            "كتائب حزب الله | Kataib Hezbollah",
            "Esmail Ghaani | Esmail Qaani",
            "Ismail Qaani | Esmail Qaani",
            "Kasem Suleimani | Qasem Soleimani",
            "Qassem Suleimani | Qasem Soleimani",
            "KHAZALI, Qais | Qais al-Khazali",
            "Qais el-Khazali | Qais al-Khazali",
            "قيس الخزعلي | Qais al-Khazali",
            "Asa'ib Ahl al Haq | Asaib Ahl al-Haq",
            "منظمة بدر | Badr Organization",
            "Hadi Amiri | Hadi al-Amiri"})
    void findsTheActorWhateverTheSpelling(String query, String expected) {
        // The test registry also holds the sanctions lists and other tests' entities: the sample's actor must be
        // among the candidates, whatever else (the same actor as listed by OFAC, say) ranks with it.
        Map<String, Object> found = candidate(match(query, null), expected);
        assertThat(found).as(query + " finds " + expected).isNotNull();
        assertThat(((Number) found.get("score")).doubleValue()).isGreaterThan(0.7);
        assertThat((String) found.get("rule")).isNotBlank();
        assertThat((String) found.get("matchedName")).isNotBlank();
    }

    static Map<String, Object> candidate(JsonPath result, String primaryName) {
        return result.<Map<String, Object>>getList("candidates").stream()
                .filter(c -> primaryName.equals(c.get("primaryName"))).findFirst().orElse(null);
    }

    @Test
    void abbreviationsMatchOnlyExactlyAndTypesFilter() {
        assertThat(candidate(match("KH", null), KH)).isNotNull();
        assertThat(candidate(match("kh", null), KH)).as("folded, still exact").isNotNull();
        assertThat(match("KHX", null).getList("candidates.primaryName")).doesNotContain(KH);
        assertThat(match("Kataib Hezbollah", "PERSON").getList("candidates.primaryName")).doesNotContain(KH);
        assertThat(match("Completely Unrelated Fishing Cooperative", null).getList("candidates.primaryName"))
                .doesNotContain(KH, "Badr Organization");
    }

    @Test
    void mentionsAreLinkedWithOffsetsIntoTheText() {
        String text = "Kata’ib Hizbullah (KH) said on Monday that Esmail Ghaani had met Qais al-Khazali in Baghdad."
                + " وقالت كتائب حزب الله إن";
        List<Map<String, Object>> mentions = given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .contentType(ContentType.JSON).body(Map.of("text", text)).post("/api/v1/mentions")
                .then().statusCode(200).extract().jsonPath().getList("mentions");
        assertThat(mentions).extracting(m -> m.get("primaryName")).contains(KH, "Esmail Qaani", "Qais al-Khazali",
                "Baghdad");
        for (Map<String, Object> m : mentions) {
            int start = (Integer) m.get("start");
            int end = (Integer) m.get("end");
            assertThat(text.substring(start, end)).isEqualTo(m.get("surface"));
        }
        assertThat(mentions).filteredOn(m -> KH.equals(m.get("primaryName"))).extracting(m -> m.get("surface"))
                .contains("Kata’ib Hizbullah", "KH", "كتائب حزب الله");
    }

    @Test
    void aBatchLinksEachTextAsASingleCallWould() {
        List<String> texts = List.of("Kata’ib Hizbullah (KH) said on Monday that Esmail Ghaani had arrived.",
                "Nothing to link in this one.", "وقالت كتائب حزب الله إن",
                "Qais al-Khazali met KH leaders in Baghdad.");
        JsonPath batch = given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("texts", texts)).post("/api/v1/mentions/batch").then().statusCode(200).extract()
                .jsonPath();
        assertThat(batch.getList("results")).hasSize(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            JsonPath single = mentions(texts.get(i));
            assertThat(batch.getList("results[" + i + "].mentions")).isEqualTo(single.getList("mentions"));
        }
        assertThat(batch.getList("results[1].mentions")).isEmpty();
        assertThat(batch.getList("results[0].mentions.primaryName")).contains(KH, "Esmail Qaani");
        assertThat(batch.getLong("registrySeq")).isPositive();
        // limits: at least one text, at most 100, no null texts; readers only
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of())).post("/api/v1/mentions/batch").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("texts", java.util.Collections.nCopies(101, "x"))).post("/api/v1/mentions/batch").then()
                .statusCode(400);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body("{\"texts\": [\"a\", null]}").post("/api/v1/mentions/batch").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("texts", texts)).post("/api/v1/mentions/batch").then()
                .statusCode(401);
    }

    @Test
    void namesTheRegistryDoesNotHoldAreSpottedOnlyWhenAsked() {
        String text = "Kataib Hezbollah and the new Saraya Awliya al-Dam fired rockets near Tal Qasr, said "
                + "militia leader Abu Fadak al-Mohammedawi.";
        JsonPath linked = given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("text", text, "spot", true)).post("/api/v1/mentions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(linked.getList("mentions.primaryName")).contains(KH);
        // the registered name is linked, not proposed; the others are, typed, with offsets into the text
        assertThat(linked.getList("names.name")).doesNotContain(KH).contains("Saraya Awliya al-Dam", "Tal Qasr");
        List<Map<String, Object>> names = linked.getList("names");
        for (Map<String, Object> n : names) {
            assertThat(text.substring((Integer) n.get("start"), (Integer) n.get("end"))).isEqualTo(n.get("name"));
        }
        assertThat(names).filteredOn(n -> "Saraya Awliya al-Dam".equals(n.get("name"))).extracting(n -> n.get("type"))
                .containsExactly("ORGANIZATION");
        assertThat(mentions(text).getList("names")).as("not asked: absent").isNull();
        JsonPath batch = given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("texts", List.of(text, "nothing here"), "spot", true)).post("/api/v1/mentions/batch")
                .then().statusCode(200).extract().jsonPath();
        assertThat(batch.getList("results[0].names")).isEqualTo(names);
        assertThat(batch.getList("results[1].names")).isEmpty();
    }

    @Test
    void aSpellingTheRegistryLacksIsAPossibleMentionOfTheEntityItMatches() {
        String text = "Posters of Abu Mahdi al-Mohandes hung beside those of Saraya Awliya al-Dam.";
        JsonPath linked = given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("text", text, "spot", true)).post("/api/v1/mentions").then().statusCode(200).extract()
                .jsonPath();
        assertThat(linked.getList("mentions")).as("not a link").isEmpty();
        Map<String, Object> variant = linked.getMap("names.find { it.name == 'Abu Mahdi al-Mohandes' }");
        assertThat(variant).isNotNull();
        Map<String, Object> possible = (Map<String, Object>) variant.get("possible");
        // the sample's entity, or its twin from the OFAC list where the sanctions suite loaded it ("AL-MUHANDIS,
        // Abu Mahdi")
        assertThat(((String) possible.get("primaryName")).toLowerCase(java.util.Locale.ROOT)).contains("muhandis");
        assertThat((Float) possible.get("score")).isGreaterThanOrEqualTo(0.85f);
        assertThat(possible.get("rule")).isNotNull();
        // a name like no registered one is only a candidate
        assertThat(linked.getMap("names.find { it.name == 'Saraya Awliya al-Dam' }").get("possible")).isNull();
    }

    @Test
    void linkingSaysWhichRegistryChangesItReflects() {
        String name = "Liwa Test " + java.util.UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", name)).post("/api/v1/entities").then()
                .statusCode(201);
        long head = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("after", 0).queryParam("limit", 1)
                .get("/api/v1/entities/changes").then().statusCode(200).extract().jsonPath().getLong("head");
        String text = "A statement by " + name + " on Sunday.";
        // once linking reflects the change that created the entity, the new name is linked: no guessing how long
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> mentions(text).getLong("registrySeq") >= head);
        assertThat(mentions(text).getList("mentions.surface", String.class)).containsExactly(name);
    }

    private static JsonPath mentions(String text) {
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("text", text)).post("/api/v1/mentions").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void matchesManyNamesInOneCallInTheOrderSent() {
        List<Map<String, Object>> names = List.of(Map.of("name", "كتائب حزب الله", "ref", "row-1"),
                Map.of("name", "Esmail Ghaani", "type", "PERSON", "ref", "row-2"),
                Map.of("name", "Esmail Ghaani", "type", "ORGANIZATION"), Map.of("name", "Zzyzx Qwerty Nobody"),
                Map.of("name", "قيس الخزعلي"));
        JsonPath batch = given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("names", names, "limit", 20)).post("/api/v1/entities/match/batch").then().statusCode(200)
                .extract().jsonPath();

        assertThat(batch.getList("results.name")).containsExactly("كتائب حزب الله", "Esmail Ghaani", "Esmail Ghaani",
                "Zzyzx Qwerty Nobody", "قيس الخزعلي");
        assertThat(batch.getList("results.ref")).containsExactly("row-1", "row-2", null, null, null);
        // each name answered as the single match answers it
        for (int i = 0; i < names.size(); i++) {
            Object type = names.get(i).get("type");
            JsonPath single = match((String) names.get(i).get("name"), (String) type);
            assertThat(batch.getList("results[" + i + "].candidates.entityId"))
                    .as("candidates of %s", names.get(i)).isEqualTo(single.getList("candidates.entityId"));
        }
        assertThat(batch.getList("results[0].candidates.primaryName")).contains("Kataib Hezbollah");
        assertThat(batch.getList("results[1].candidates.primaryName")).contains("Esmail Qaani");
        assertThat(batch.getList("results[2].candidates.type")).doesNotContain("PERSON", "Person");
        assertThat(batch.getList("results[3].candidates")).isEmpty();
        assertThat(batch.getList("results[4].candidates.primaryName")).contains("Qais al-Khazali");
    }

    @Test
    void creatingATwinAnswersThePossibleDuplicates() {
        String editor = Tokens.forUser(Tokens.EDITOR);
        // OFAC's spelling of the sample's Kataib Hezbollah, and its Arabic name alone: both twins of it
        for (String name : List.of("KATA'IB HIZBALLAH", "كتائب حزب الله")) {
            JsonPath created = given().auth().oauth2(editor).contentType(ContentType.JSON)
                    .body(Map.of("type", "ORGANIZATION", "primaryName", name)).post("/api/v1/entities").then()
                    .statusCode(201).extract().jsonPath();
            try {
                assertThat(created.getList("possibleDuplicates.primaryName")).as(name).contains("Kataib Hezbollah");
                assertThat(created.getList("possibleDuplicates.entityId")).doesNotContain(created.getString("id"));
                assertThat(created.getList("possibleDuplicates.score", Float.class))
                        .allSatisfy(score -> assertThat(score).isGreaterThanOrEqualTo(0.85f));
                assertThat(created.getList("possibleDuplicates.rule")).doesNotContainNull();
            } finally {
                given().auth().oauth2(editor).delete("/api/v1/entities/" + created.getString("id")).then()
                        .statusCode(204);
            }
        }
        // a person of that name is no twin of an organization, and a new name has none: no field at all
        for (Map<String, Object> body : List.of(
                Map.<String, Object>of("type", "PERSON", "primaryName", "Kataib Hezbollah"),
                Map.<String, Object>of("type", "ORGANIZATION", "primaryName", "Zzyzx Qwerty Brigade"))) {
            JsonPath created = given().auth().oauth2(editor).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/entities").then().statusCode(201).extract().jsonPath();
            given().auth().oauth2(editor).delete("/api/v1/entities/" + created.getString("id")).then().statusCode(204);
            assertThat(created.getMap("")).as(body.toString()).doesNotContainKey("possibleDuplicates");
        }
    }

    @Test
    void badBatchesAreRefused() {
        String reader = Tokens.forUser(Tokens.READER);
        List<Map<String, Object>> tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> Map.<String, Object>of("name", "Name " + i)).toList();
        for (Object body : List.of(Map.of("names", List.of()), Map.of("names", tooMany), Map.of(),
                Map.of("names", List.of(Map.of("name", " "))), Map.of("names", List.of(Map.of("ref", "x"))),
                Map.of("names", List.of(Map.of("name", "x")), "limit", 0),
                Map.of("names", List.of(Map.of("name", "x", "type", "DRAGON"))))) {
            given().auth().oauth2(reader).contentType(ContentType.JSON).body(body)
                    .post("/api/v1/entities/match/batch").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body(Map.of("names", List.of(Map.of("name", "x"))))
                .post("/api/v1/entities/match/batch").then().statusCode(401);
    }

    @Test
    void badInputIsRefused() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON).body(Map.of("name", " "))
                .post("/api/v1/entities/match").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("name", "x", "limit", 1000)).post("/api/v1/entities/match").then().statusCode(400);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/mentions").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("text", "x")).post("/api/v1/mentions").then()
                .statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.NOBODY)).contentType(ContentType.JSON).body(Map.of("text", "x"))
                .post("/api/v1/mentions").then().statusCode(403);
    }
}
