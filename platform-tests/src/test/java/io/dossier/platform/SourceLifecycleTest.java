package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;

/** Edits and deletions travel the feed into the index like creations do. */
@ExtendWith(PlatformExtension.class)
class SourceLifecycleTest {

    @Test
    void anEditIsReindexedAndADeletionLeavesTheIndex() {
        String word = WalkingSkeletonTest.uniqueWord();
        String edited = WalkingSkeletonTest.uniqueWord();
        String reader = Tokens.forUser(Tokens.READER);
        String id = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON)
                .body(Map.of("title", "Lifecycle brief", "text", "Text with " + word))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> WalkingSkeletonTest.total(reader, word) == 1);

        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .header("If-Match", "\"0\"").body(Map.of("title", "Lifecycle brief " + edited))
                .patch("/api/v1/sources/" + id).then().statusCode(200);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> WalkingSkeletonTest.total(reader, edited) == 1);

        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .delete("/api/v1/sources/" + id).then().statusCode(204);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> WalkingSkeletonTest.total(reader, word) == 0);
    }
}
