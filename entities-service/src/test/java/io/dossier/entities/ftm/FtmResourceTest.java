package io.dossier.entities.ftm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.entities.lookup.LookupResourceTest;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** FollowTheMoney out and in: the mapping, the round trip, and lines that cannot be taken. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class FtmResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<Map<String, Object>> export(String tag) throws Exception {
        String body = given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("tag", tag)
                .get("/api/v1/entities/ftm").then().statusCode(200).contentType("application/x-ndjson")
                .header("Content-Disposition", containsString("dossier-registry.ftm.jsonl")).extract().asString();
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : body.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readValue(line, Map.class));
            }
        }
        return lines;
    }

    /** Starts an import, waits for its job to complete, and answers the job with all its items. */
    static JsonPath importFtm(String lines) throws Exception {
        String location = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/v1/entities/ftm/imports").then()
                .statusCode(202).body("status", equalTo("QUEUED")).extract().header("Location");
        Map<String, Object> job = await().atMost(Duration.ofMinutes(2)).until(() -> given().auth().oauth2(Tokens
                .forUser(Tokens.EDITOR)).get(location).then().statusCode(200).extract().jsonPath().getMap(""),
                j -> !List.of("QUEUED", "RUNNING").contains(j.get("status")));
        assertThat(job.get("status")).as("the job (%s)", job.get("statusReason")).isEqualTo("COMPLETED");
        List<Object> items = new ArrayList<>();
        Integer after = 0;
        while (after != null) {
            JsonPath page = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParam("after", after)
                    .queryParam("limit", 1000).get(location + "/items").then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            after = page.get("next");
        }
        Map<String, Object> all = new java.util.LinkedHashMap<>(job);
        all.put("items", items);
        return JsonPath.from(JSON.writeValueAsString(all));
    }

    private static String create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
    }

    @Test
    void dossiersEntitiesGoOutAsFtmAndComeBackUnchanged() throws Exception {
        String tag = "ftm-" + UUID.randomUUID().toString().substring(0, 8);
        String group = create(Map.of("type", "ORGANIZATION", "primaryName", "Saraya Test " + tag,
                "description", "A group of this test", "tags", List.of(tag),
                "attributes", Map.of("country", List.of("iq"), "sample", List.of("internal")),
                "externalIds", List.of(Map.of("scheme", "wikidata", "value", "Q123456")),
                "names", List.of(Map.of("value", "سرايا الاختبار", "lang", "ar", "kind", "TRANSLITERATION"),
                        Map.of("value", "STG", "kind", "ABBREVIATION"),
                        Map.of("value", "Old Saraya " + tag, "kind", "FORMER"))));
        String leader = create(Map.of("type", "PERSON", "primaryName", "Abu Test " + tag, "tags", List.of(tag)));
        String ally = create(Map.of("type", "ORGANIZATION", "primaryName", "Liwa Test " + tag, "tags", List.of(tag)));
        for (Map<String, Object> relation : List.of(
                Map.<String, Object>of("subjectId", leader, "objectId", group, "type", "LEADER_OF", "startDate",
                        "2019"),
                Map.<String, Object>of("subjectId", group, "objectId", ally, "type", "ALLIED_WITH"))) {
            given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON).body(relation)
                    .post("/api/v1/relations").then().statusCode(201);
        }

        List<Map<String, Object>> out = export(tag);
        assertThat(out).hasSize(5);
        Map<String, Object> groupLine = out.stream().filter(l -> l.get("id").equals("dossier-" + group)).findFirst()
                .orElseThrow();
        assertThat(groupLine.get("schema")).isEqualTo("Organization");
        assertThat(groupLine.get("properties")).isEqualTo(Map.of("name", List.of("Saraya Test " + tag),
                "alias", List.of("سرايا الاختبار"), "weakAlias", List.of("STG"), "previousName",
                List.of("Old Saraya " + tag), "description", List.of("A group of this test"), "keywords",
                List.of(tag), "country", List.of("iq"), "wikidataId", List.of("Q123456")));
        assertThat(out).filteredOn(l -> l.get("schema").equals("Directorship")).singleElement()
                .satisfies(l -> assertThat(l.get("properties")).isEqualTo(Map.of("director", List.of("dossier-"
                        + leader), "organization", List.of("dossier-" + group), "startDate", List.of("2019"))));
        assertThat(out).filteredOn(l -> l.get("schema").equals("UnknownLink")).singleElement()
                .satisfies(l -> assertThat(((Map<?, ?>) l.get("properties")).get("role"))
                        .isEqualTo(List.of("allied with")));

        // the export imported again changes nothing, and keeps what FtM cannot say (the name's language and kind)
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> line : out) {
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        JsonPath again = importFtm(lines.toString());
        assertThat(again.getList("items.outcome", String.class)).containsOnly("unchanged").hasSize(5);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(3);
        assertThat(again.getInt("relationsUnchanged")).isEqualTo(2);
        JsonPath entity = given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/entities/" + group)
                .then().statusCode(200).extract().jsonPath();
        assertThat(entity.getString("names.find { it.value == 'STG' }.kind")).isEqualTo("ABBREVIATION");
        assertThat(entity.getString("names.find { it.value == 'سرايا الاختبار' }.lang")).isEqualTo("ar");
        assertThat(entity.getList("attributes.sample")).containsExactly("internal");
        assertThat(export(tag)).isEqualTo(out);
    }

    @Test
    void foreignEntitiesKeepTheirIdsAndTheRoundTripIsExact() throws Exception {
        String tag = "os-" + UUID.randomUUID().toString().substring(0, 8);
        String person = "NK-" + tag + "-p";
        String org = "NK-" + tag + "-o";
        List<Map<String, Object>> in = List.of(
                Map.of("id", org, "schema", "Organization", "properties", Map.of("name",
                        List.of("Harakat Test " + tag), "alias", List.of("حركة الاختبار"), "keywords", List.of(tag),
                        "country", List.of("iq"))),
                Map.of("id", person, "schema", "Person", "properties", Map.of("name", List.of("Qais Test " + tag),
                        "nationality", List.of("iq"), "birthDate", List.of("1974"), "keywords", List.of(tag))),
                Map.of("id", "NK-" + tag + "-m", "schema", "Membership", "properties", Map.of("member",
                        List.of(person), "organization", List.of(org), "startDate", List.of("2007-06-01"))));
        StringBuilder lines = new StringBuilder();
        for (Map<String, Object> line : in) {
            lines.append(JSON.writeValueAsString(line)).append('\n');
        }
        JsonPath first = importFtm(lines.toString());
        assertThat(first.getList("items.outcome", String.class)).containsExactly("created", "created", "created");
        assertThat(first.getInt("created")).isEqualTo(2);
        assertThat(first.getInt("relationsCreated")).isEqualTo(1);
        assertThat(importFtm(lines.toString()).getList("items.outcome", String.class)).containsOnly("unchanged");

        List<Map<String, Object>> out = export(tag);
        assertThat(out.subList(0, 2)).containsExactlyInAnyOrderElementsOf(in.subList(0, 2));
        assertThat(out.get(2).get("schema")).isEqualTo("Membership");
        assertThat(out.get(2).get("properties")).isEqualTo(in.get(2).get("properties"));
    }

    @Test
    void linesThatCannotBeTakenAreSkippedWithTheReason() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String longName = "Test Brigade " + "x".repeat(600);
        JsonPath result = importFtm(String.join("\n",
                "{\"id\":\"v-" + tag + "\",\"schema\":\"Vessel\",\"properties\":{\"name\":[\"MV Test\"]}}",
                "not json at all",
                "{\"id\":\"l-" + tag + "\",\"schema\":\"Organization\",\"properties\":{\"name\":[\"" + longName
                        + "\"]}}",
                "{\"id\":\"m-" + tag + "\",\"schema\":\"Membership\",\"properties\":{\"member\":[\"nowhere-" + tag
                        + "\"],\"organization\":[\"l-" + tag + "\"]}}",
                "{\"id\":\"n-" + tag + "\",\"schema\":\"Person\",\"properties\":{\"alias\":[\"No Name\"]}}"));
        assertThat(result.getList("items.outcome", String.class))
                .containsExactly("skipped", "skipped", "created", "skipped", "skipped");
        assertThat(result.getString("items[0].note")).contains("Vessel");
        assertThat(result.getString("items[1].note")).contains("not an FtM entity");
        assertThat(result.getString("items[2].note")).contains("name cut to 500 characters");
        assertThat(result.getString("items[3].note")).contains("neither in the file nor in the registry");
        assertThat(result.getString("items[4].note")).isEqualTo("no name");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/entities/" + result.getString(
                "items[2].entityId")).then().statusCode(204);

        // the test profile's limit is 1,000 lines; nothing of a refused upload is kept
        long jobs = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParam("size", 200)
                .get("/api/v1/entities/ftm/imports").then().statusCode(200).extract().jsonPath().getList("").size();
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson")
                .body("{}\n".repeat(1001).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/ftm/imports").then().statusCode(413)
                .contentType("application/problem+json").body("detail", containsString("1000 lines"));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson")
                .body("\n\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/ftm/imports").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParam("size", 200)
                .get("/api/v1/entities/ftm/imports").then().statusCode(200).extract().jsonPath().getList("")
                .size()).isEqualTo(jobs);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType("application/x-ndjson")
                .body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/entities/ftm/imports").then().statusCode(403);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).get("/api/v1/entities/ftm/imports/"
                + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParam("outcome", "exploded").get(
                "/api/v1/entities/ftm/imports/" + UUID.randomUUID() + "/items").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("changedSince", "yesterday")
                .get("/api/v1/entities/ftm").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void awkwardButValidFtmIsTakenOrSkippedLineByLine() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String a = "dup-" + tag;
        JsonPath result = importFtm(String.join("\n",
                JSON.writeValueAsString(Map.of("id", a, "schema", "Organization", "properties", Map.of("name",
                        List.of("Asaib Test " + tag), "wikidataId", List.of("Q99999999")))),
                // the same id again (an entity's fragments): only the first line is read
                JSON.writeValueAsString(Map.of("id", a, "schema", "Organization", "properties", Map.of("name",
                        List.of("Asaib Other " + tag)))),
                // another entity naming the same Wikidata item: both keep it
                JSON.writeValueAsString(Map.of("id", "w-" + tag, "schema", "Person", "properties", Map.of("name",
                        List.of("Abu Wiki " + tag), "wikidataId", List.of("Q99999999")))),
                // a name of control characters only is no name
                JSON.writeValueAsString(Map.of("id", "c-" + tag, "schema", "Person", "properties", Map.of("name",
                        List.of("\u0001\u0002")))),
                // a relationship ending before it starts
                JSON.writeValueAsString(Map.of("id", "r-" + tag, "schema", "Membership", "properties", Map.of(
                        "member", List.of("w-" + tag), "organization", List.of(a), "startDate", List.of("2015-03"),
                        "endDate", List.of("2014"))))));
        assertThat(result.getList("items.outcome", String.class)).containsExactly("created", "skipped", "created",
                "skipped", "skipped");
        assertThat(result.getString("items[1].note")).contains("the same id as line 1");
        assertThat(result.getString("items[3].note")).isEqualTo("no name");
        assertThat(result.getString("items[4].note")).contains("before startDate");
        for (int i : new int[]{0, 2}) {
            given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/entities/" + result.getString(
                    "items[" + i + "].entityId")).then().statusCode(204);
        }
    }

    @Test
    void anEntityLikeOneAlreadyThereIsFlaggedAsAPossibleTwin() throws Exception {
        LookupResourceTest.loadTheSampleRegistry();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        JsonPath result = importFtm(JSON.writeValueAsString(Map.of("id", "twin-" + tag, "schema", "Organization",
                "properties", Map.of("name", List.of("KATA'IB HIZBALLAH")))));
        assertThat(result.getString("items[0].outcome")).isEqualTo("possible_twin");
        assertThat(result.getInt("possibleTwins")).isEqualTo(1);
        String created = result.getString("items[0].entityId");
        List<String> twins = result.getList("items[0].twinOf", String.class);
        assertThat(twins).isNotEmpty().doesNotContain(created);
        // the sample registry's Kataib Hezbollah among them (another test's import may have one more)
        assertThat(twins).anySatisfy(twin -> assertThat(given().auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/entities/" + twin).then().statusCode(200).extract().<String>path("primaryName"))
                .isEqualTo("Kataib Hezbollah"));
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/entities/" + created).then()
                .statusCode(204);
    }

    @Inject
    FtmSpool spool;
    @Inject
    FtmImport imports;
    @Inject
    FtmImportRunner runner;

    @Test
    void aFileIsWorkedThroughInBatchesWithItsProgressAndItemsPaged() throws Exception {
        String tag = "b-" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            lines.append(JSON.writeValueAsString(Map.of("id", tag + "-" + i, "schema", "Person", "properties",
                    Map.of("name", List.of("Batch Person " + i + " " + tag), "keywords", List.of(tag))))).append(
                            "\n");
        }
        JsonPath result = importFtm(lines.toString());
        assertThat(result.getInt("totalLines")).isEqualTo(450);
        assertThat(result.getInt("line")).isEqualTo(450);
        assertThat(result.getDouble("progress")).isEqualTo(1.0);
        assertThat(result.getString("phase")).isEqualTo("RELATIONSHIPS");
        assertThat(result.getInt("created")).isEqualTo(450);
        assertThat(result.getList("items.line", Integer.class)).hasSize(450).isSorted().doesNotHaveDuplicates();
        String id = result.getString("id");
        JsonPath page = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParam("after", 100)
                .queryParam("limit", 100).get("/api/v1/entities/ftm/imports/" + id + "/items").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.line", Integer.class)).first().isEqualTo(101);
        assertThat(page.getInt("next")).isEqualTo(200);
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).queryParam("outcome", "skipped")
                .get("/api/v1/entities/ftm/imports/" + id + "/items").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty()).body("next", org.hamcrest.Matchers.nullValue());
        assertThat(export(tag)).hasSize(450);
    }

    @Test
    void aJobStoppedPartWayResumesAfterItsLastTransactionAndReadsEveryLineOnce() throws Exception {
        String tag = "r-" + UUID.randomUUID().toString().substring(0, 8);
        LookupResourceTest.loadTheSampleRegistry();
        List<String> names = List.of("Liwa Resumption Example", "Karim Abdelnour", "KATA'IB HIZBALLAH",
                "Zainab Mahfouz", "Tariq Bellamy");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            lines.add(JSON.writeValueAsString(Map.of("id", tag + "-" + i, "schema", i == 0 || i == 2
                    ? "Organization"
                    : "Person", "properties", Map.of("name", List.of(names.get(i))))));
        }
        lines.add(JSON.writeValueAsString(Map.of("id", tag + "-m", "schema", "Membership", "properties", Map.of(
                "member", List.of(tag + "-1"), "organization", List.of(tag + "-0")))));
        FtmImportJob job = spool.accept(new java.io.ByteArrayInputStream(String.join("\n", lines).getBytes(
                StandardCharsets.UTF_8)), "editor");
        // the first three lines written, then the service stopped before their twins were looked for: the job
        // looks for them when it resumes (line 3 resembles the sample registry's Kataib Hezbollah)
        imports.entities(job.id, List.of(imports.parse(1, lines.get(0)), imports.parse(2, lines.get(1)), imports
                .parse(3, lines.get(2))), 3, "editor");
        JsonPath part = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).get("/api/v1/entities/ftm/imports/"
                + job.id).then().statusCode(200).extract().jsonPath();
        assertThat(part.getInt("line")).isEqualTo(3);
        assertThat(part.getDouble("progress")).isEqualTo(0.25);

        runner.submit(job.id);
        await().atMost(Duration.ofMinutes(1)).until(() -> given().auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .get("/api/v1/entities/ftm/imports/" + job.id).then().extract().path("status"),
                s -> !List.of("QUEUED",
                        "RUNNING").contains(s));
        JsonPath items = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).get("/api/v1/entities/ftm/imports/"
                + job.id + "/items").then().statusCode(200).extract().jsonPath();
        assertThat(items.getList("items.line", Integer.class)).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(items.getList("items.outcome", String.class)).containsExactly("created", "created",
                "possible_twin", "created", "created", "created");
        JsonPath done = given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).get("/api/v1/entities/ftm/imports/"
                + job.id).then().statusCode(200).extract().jsonPath();
        assertThat(done.getInt("created")).isEqualTo(5);
        assertThat(done.getInt("possibleTwins")).isEqualTo(1);
        assertThat(done.getInt("relationsCreated")).isEqualTo(1);
        assertThat(done.getInt("skipped")).isZero();
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/entities/" + items.getString(
                "items[2].entityId")).then().statusCode(204);
    }
}
