package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two instances of the search service against one stack (indexes of their own, prefix {@code dossier-e2e-replicas}):
 * exactly one holds the indexer lease and writes, each document is written once, and when the active one is killed
 * mid-ingest the other takes over from the checkpoint, with every source indexed and none twice.
 */
@ExtendWith(PlatformExtension.class)
class ReplicasTest {

    static final String PREFIX = "dossier-e2e-replicas";

    @Test
    void oneInstanceIndexesAndTheOtherTakesOverWhenItIsKilled() {
        Platform.deleteIndexes(PREFIX);
        Map<String, String> env = Map.of("DOSSIER_ES_HOSTS", "localhost:" + LocalStack.ELASTICSEARCH_PORT,
                "DOSSIER_SEARCH_INDEX_PREFIX", PREFIX,
                "DOSSIER_SEARCH_FEED_LEASE_TTL", "3s");
        Map<Integer, Process> instances = new java.util.LinkedHashMap<>();
        try {
            instances.put(18084, Platform.startSearchInstance("search-replica-a", 18084, env));
            instances.put(18085, Platform.startSearchInstance("search-replica-b", 18085, env));
            String admin = Tokens.forUser(Tokens.ADMIN);
            int active = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> activeOf(admin, instances.keySet()), a -> a.size() == 1).get(0);
            int standby = instances.keySet().stream().filter(p -> p != active).findFirst().orElseThrow();

            String word = WalkingSkeletonTest.uniqueWord();
            Set<String> accepted = new HashSet<>(ingest(word, 0, 20));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> versions(word).size() == 20);
            assertThat(versions(word).values()).as("one writer: each document written once").containsOnly(1L);
            assertThat(activeOf(admin, instances.keySet())).containsExactly(active);

            // kill -9 the active one in the middle of an ingest; the other takes over from the checkpoint
            List<String> more = new ArrayList<>(ingest(word, 20, 30));
            instances.remove(active).destroyForcibly();
            more.addAll(ingest(word, 30, 50));
            accepted.addAll(more);
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                    .until(() -> activeOf(admin, List.of(standby)).equals(List.of(standby)));
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200))
                    .until(() -> versions(word).size() == accepted.size());
            assertThat(versions(word).keySet()).isEqualTo(accepted);
            JsonPath found = given().baseUri("http://localhost:" + standby).auth().oauth2(Tokens.forUser(
                    Tokens.ADMIN)).queryParam("q", word).queryParam("size", 100).get("/api/v1/search").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(found.getInt("total")).isEqualTo(50);
            assertThat(found.getList("hits.id", String.class)).doesNotHaveDuplicates().hasSize(50);
        } finally {
            instances.values().forEach(Process::destroy);
        }
    }

    private static List<String> ingest(String word, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i < to; i++) {
            ids.add(given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", "Replica brief " + i, "text", "Brief " + i + " for the replicas: " + word))
                    .post("/api/v1/sources").then().statusCode(201).extract().<String>path("id"));
        }
        return ids;
    }

    /** The instances among {@code ports} that say they hold the indexer lease. */
    private static List<Integer> activeOf(String admin, java.util.Collection<Integer> ports) {
        List<Integer> active = new ArrayList<>();
        for (int port : ports) {
            String role = given().baseUri("http://localhost:" + port).auth().oauth2(admin)
                    .get("/api/v1/admin/reindex").then().statusCode(200).extract().path("role");
            if ("active".equals(role)) {
                active.add(port);
            }
        }
        return active;
    }

    /** Each indexed document with the word, and how many times Elasticsearch has written it (its _version). */
    private static Map<String, Long> versions(String word) {
        JsonPath answer = given().baseUri(LocalStack.ELASTICSEARCH).contentType(ContentType.JSON)
                .body(Map.of("version", true, "size", 200, "_source", false, "query",
                        Map.of("match", Map.of("textForms", word))))
                .post("/" + PREFIX + "-documents/_search").then().statusCode(200).extract().jsonPath();
        Map<String, Long> out = new java.util.HashMap<>();
        List<Map<String, Object>> hits = answer.getList("hits.hits");
        for (Map<String, Object> hit : hits) {
            out.put((String) hit.get("_id"), ((Number) hit.get("_version")).longValue());
        }
        return out;
    }
}
