package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * An installation upgrading from folded copies (mapping 3) to the analysed forms and stems: a search service started
 * on an index of the old mapping keeps answering from it, with the old fields, while it builds its replacement from
 * the feed; then the alias moves and the same documents are found by the other forms of their words.
 */
@ExtendWith(PlatformExtension.class)
class AnalysisMigrationTest {

    static final String PREFIX = "dossier-e2e-migration";
    static final String ES = LocalStack.ELASTICSEARCH;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void anIndexOfTheOldMappingAnswersUntilItsReplacementTakesOver() throws Exception {
        Platform.deleteIndexes(PREFIX);
        String word = WalkingSkeletonTest.uniqueWord();
        // sources on the feed, as an installation has them
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String title = "Convoy attacks " + i + " " + word;
            String text = "Gunmen staged attacks on convoys near the checkpoints, report " + i + ". " + word;
            String id = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                    .contentType(ContentType.JSON).body(Map.of("title", title, "text", text, "language", "en"))
                    .post("/api/v1/sources").then().statusCode(201).extract().path("id");
            sources.add(Map.of("id", id, "collection", "open", "title", title, "titleFolded",
                    folded(title), "text", text, "textFolded", folded(text), "language", "en",
                    "createdAt", "2025-03-15T10:00:00Z", "linkedThrough", 0));
        }
        // the index an earlier release left: mapping 3, folded copies, behind the alias
        String old = PREFIX + "-documents-v3-20250101-000000-000";
        put(old, """
                {"settings":{"number_of_shards":1,"number_of_replicas":0},
                 "mappings":{"dynamic":false,"properties":{
                   "id":{"type":"keyword"},"collection":{"type":"keyword"},
                   "title":{"type":"text","analyzer":"standard"},"titleFolded":{"type":"text","analyzer":"standard"},
                   "text":{"type":"text","analyzer":"standard","index_options":"offsets"},
                   "textFolded":{"type":"text","analyzer":"standard","index_options":"offsets"},
                   "language":{"type":"keyword"},"createdAt":{"type":"date"},"linkedThrough":{"type":"long"},
                   "entityIds":{"type":"keyword"},"entityFacets":{"type":"keyword"},"entityTypes":{"type":"keyword"},
                   "publisher":{"type":"keyword"},"publishedAt":{"type":"date"},"tags":{"type":"keyword"},
                   "mentions":{"type":"object","enabled":false}}}}""");
        for (Map<String, Object> doc : sources) {
            put(old + "/_doc/" + doc.get("id") + "?refresh=true", JSON.writeValueAsString(doc));
        }
        post("/_aliases", "{\"actions\":[{\"add\":{\"index\":\"" + old + "\",\"alias\":\"" + PREFIX
                + "-documents\"}}]}");

        Process search = Platform.startSearchInstance("search-migration", 18086,
                Map.of("DOSSIER_ES_HOSTS", "localhost:" + LocalStack.ELASTICSEARCH_PORT, "DOSSIER_SEARCH_INDEX_PREFIX",
                        PREFIX));
        try {
            String reader = Tokens.forUser(Tokens.READER);
            AtomicInteger answered = new AtomicInteger();
            AtomicInteger byOld = new AtomicInteger();
            // every search answers, from the old index, with the old fields, until the alias moves
            await("the replacement takes over").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        JsonPath found = given().baseUri("http://localhost:18086").auth().oauth2(reader)
                                .queryParam("q", "attacks " + word).get("/api/v1/search").then().statusCode(200)
                                .extract().jsonPath();
                        assertThat(found.getInt("total")).as("no search left without its documents").isEqualTo(5);
                        answered.incrementAndGet();
                        boolean moved = !aliased().contains(old);
                        if (!moved) {
                            byOld.incrementAndGet();
                        }
                        return moved;
                    });
            assertThat(byOld.get()).as("searches answered by the old index").isPositive();
            // the analysed index: other forms of the words find the documents now
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> given().baseUri("http://localhost:18086").auth().oauth2(reader)
                            .queryParam("q", "attack checkpoint " + word).get("/api/v1/search").then()
                            .statusCode(200).extract().jsonPath().getInt("total") == 5);
            // an index of an analysed mapping (version 400 and up) behind the alias now
            String now = aliased().iterator().next();
            assertThat(aliased()).hasSize(1);
            java.util.regex.Matcher version = java.util.regex.Pattern.compile(PREFIX + "-documents-v(\\d+)-.*")
                    .matcher(now);
            assertThat(version.matches()).as(now).isTrue();
            assertThat(Integer.parseInt(version.group(1))).as(now).isGreaterThanOrEqualTo(400);
            assertThat(indexExists(old)).as("the old index is deleted once replaced").isFalse();
        } finally {
            search.destroy();
        }
    }

    /** How mapping 3 folded these English texts: lower case, punctuation as spaces. */
    private static String folded(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    private static List<String> aliased() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/_alias/" + PREFIX
                + "-documents")).GET().build(), HttpResponse.BodyHandlers.ofString());
        List<String> names = new ArrayList<>();
        JSON.readTree(r.body()).fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static boolean indexExists(String index) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/" + index)).method("HEAD",
                HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode() == 200;
    }

    private static void put(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + "/" + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isBetween(200, 201);
    }

    private static void post(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(ES + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
    }
}
