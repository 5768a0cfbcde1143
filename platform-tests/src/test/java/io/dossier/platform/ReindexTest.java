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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A rebuild fills a new index beside the live one and moves the alias: searches never miss a document meanwhile. */
@ExtendWith(PlatformExtension.class)
class ReindexTest {

    @Test
    void aRebuildSwitchesTheAliasWithoutDowntime() throws Exception {
        String word = WalkingSkeletonTest.uniqueWord();
        int count = 40;
        for (int i = 0; i < count; i++) {
            given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                    .contentType(ContentType.JSON)
                    .body(Map.of("title", "Rebuild brief " + i, "text", "Brief number " + i + " about " + word))
                    .post("/api/v1/sources").then().statusCode(201);
        }
        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(reader, word) == count);

        String admin = Tokens.forUser(Tokens.ADMIN);
        given().baseUri(Platform.GATEWAY).auth().oauth2(reader).post("/api/v1/admin/reindex").then()
                .statusCode(403);
        String before = status(admin).getString("live");
        JsonPath started = given().baseUri(Platform.GATEWAY).auth().oauth2(admin).post("/api/v1/admin/reindex")
                .then().statusCode(202).extract().jsonPath();
        String building = started.getString("building");
        assertThat(building).isNotNull().isNotEqualTo(before);

        // search all along the rebuild: every answer has every document
        List<Integer> totals = new ArrayList<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50)).until(() -> {
            totals.add(WalkingSkeletonTest.total(reader, word));
            return building.equals(status(admin).getString("live"));
        });
        totals.add(WalkingSkeletonTest.total(reader, word));
        assertThat(totals).hasSizeGreaterThan(1).containsOnly(count);
        JsonPath after = status(admin);
        assertThat(after.getString("state")).isEqualTo("idle");
        assertThat(after.getString("building")).isNull();
        assertThat(after.getLong("liveSeq")).isEqualTo(after.getLong("sourcesHead"));

        HttpResponse<String> old = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(LocalStack.ELASTICSEARCH + "/" + before)).method("HEAD",
                        HttpRequest.BodyPublishers
                                .noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(old.statusCode()).as("the old index is deleted").isEqualTo(404);
    }

    static JsonPath status(String token) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).get("/api/v1/admin/reindex").then()
                .statusCode(200).extract().jsonPath();
    }
}
