package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Watches keep up with the registry, as the same search would: a saved search whose words become a name of an
 * entity is expanded to that entity's other names, and an entity watch follows its entity into the one it was merged
 * into.
 */
@ExtendWith(PlatformExtension.class)
class WatchRegistryTest {

    private static final Duration SOON = Duration.ofSeconds(30);

    private static RequestSpecification as(String user) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON);
    }

    private static String entity(String name) {
        return as(Tokens.EDITOR).body(Map.of("type", "ORGANIZATION", "primaryName", name)).post("/api/v1/entities")
                .then().statusCode(201).extract().path("id");
    }

    private static String source(String title, String text) {
        return as(Tokens.EDITOR).body(Map.of("title", title, "text", text)).post("/api/v1/sources").then()
                .statusCode(201).extract().path("id");
    }

    /** The analyst's notified documents of one watch. */
    private static List<String> notified(String watchId) {
        return as(Tokens.ANALYST).queryParam("size", 100).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.watchId == '" + watchId + "' }.documentId",
                        String.class);
    }

    @Test
    void aSavedSearchLearnsANewNameAndAnEntityWatchFollowsAMerge() {
        String u = WalkingSkeletonTest.uniqueWord();
        // a search for a nickname the registry does not know yet
        String nickname = "Ninth Brigade " + u;
        String search = as(Tokens.ANALYST).body(Map.of("name", "Ninth", "query", nickname)).post("/api/v1/watches")
                .then().statusCode(201).extract().path("id");
        assertThat(as(Tokens.ANALYST).get("/api/v1/watches/" + search).then().extract().jsonPath()
                .getList("expansions")).isEmpty();

        // the registry learns it as a name of Kataib Tisa: the watch is expanded, as the search now is
        String tisa = entity("Kataib Tisa " + u);
        as(Tokens.EDITOR).body(Map.of("value", nickname)).post("/api/v1/entities/" + tisa + "/names").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        await("the saved search is expanded").atMost(SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> as(Tokens.ANALYST).get("/api/v1/watches/" + search).then().extract().jsonPath()
                        .getList("expansions.entityId", String.class).contains(tisa));
        // a statement that names it only by its main name is found by the search, and so notified by the watch
        String statement = source("Statement " + u, "Kataib Tisa " + u + " announced a new commander.");
        await("the statement is notified").atMost(SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> notified(search).contains(statement));
        assertThat(as(Tokens.ANALYST).queryParam("q", nickname).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.id", String.class)).contains(statement);

        // an entity watch on another group, merged into Kataib Tisa: the watch follows the survivor
        String omega = entity("Saraya Omega " + u);
        // a watch names only entities the search service knows: once the registry's feed brought it
        await("the entity reaches the search service").atMost(SOON).pollInterval(Duration.ofMillis(200))
                .until(() -> RegistryChangeTest.suggest("Saraya Omega " + u).contains(omega));
        String watch = as(Tokens.ANALYST).body(Map.of("name", "Omega", "entityId", omega)).post("/api/v1/watches")
                .then().statusCode(201).extract().path("id");
        var survivor = as(Tokens.EDITOR).get("/api/v1/entities/" + tisa);
        as(Tokens.EDITOR).header("If-Match", survivor.header("ETag")).body(Map.of("from", omega))
                .post("/api/v1/entities/" + tisa + "/merge").then().statusCode(200);
        await("the watch follows the merge").atMost(SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> tisa.equals(as(Tokens.ANALYST).get("/api/v1/watches/" + watch).then().extract()
                        .path("entityId")));
        // the survivor's documents are its documents now: the statement, re-linked, and a new one
        String later = source("Later " + u, "Kataib Tisa " + u + " denied the report.");
        await("the survivor's documents are notified").atMost(SOON).pollInterval(Duration.ofMillis(300))
                .until(() -> notified(watch).contains(later));
    }
}
