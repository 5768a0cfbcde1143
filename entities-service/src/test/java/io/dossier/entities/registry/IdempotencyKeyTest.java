package io.dossier.entities.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** {@code Idempotency-Key} on the POSTs that create something new each time: entities and relations. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class IdempotencyKeyTest {

    private static Response create(String token, String key, Object body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return request.post("/api/v1/entities");
    }

    private static long count(String name) {
        return given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("name", name)
                .get("/api/v1/entities").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void theSameKeyAndBodyAnswerTheFirstResultAgain() {
        String editor = Tokens.forUser(Tokens.EDITOR);
        String name = "Saraya Idempotent " + UUID.randomUUID();
        Map<String, String> body = Map.of("type", "ORGANIZATION", "primaryName", name);
        String key = UUID.randomUUID().toString();

        Response first = create(editor, key, body);
        first.then().statusCode(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        Response again = create(editor, key, body);
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", first.header("Location")).header("ETag", first.header("ETag"))
                .contentType(ContentType.JSON).body("id", equalTo(first.path("id")));
        assertThat(count(name)).isEqualTo(1);

        // the same key for another request: refused, nothing created
        create(editor, key, Map.of("type", "ORGANIZATION", "primaryName", name + " other"))
                .then().statusCode(422).contentType("application/problem+json");
        // another caller's key of the same value is its own
        create(Tokens.forUser(Tokens.ADMIN), key, body).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        // no key: each POST creates
        create(editor, null, body).then().statusCode(201);
        assertThat(count(name)).isEqualTo(3);
    }

    @Test
    void aFailedRequestDoesNotHoldItsKey() {
        String editor = Tokens.forUser(Tokens.EDITOR);
        String key = UUID.randomUUID().toString();
        create(editor, key, Map.of("type", "ORGANIZATION")).then().statusCode(400);
        String name = "Kataib Corrected " + UUID.randomUUID();
        // corrected, the same key goes through (the failed body and the corrected one differ: the key was freed)
        create(editor, key, Map.of("type", "ORGANIZATION", "primaryName", name)).then().statusCode(201)
                .header("Idempotent-Replayed", (String) null);
        assertThat(count(name)).isEqualTo(1);
    }

    @Test
    void concurrentRepeatsCreateOneEntity() throws Exception {
        String editor = Tokens.forUser(Tokens.EDITOR);
        String name = "Liwa Concurrent " + UUID.randomUUID();
        Map<String, String> body = Map.of("type", "ORGANIZATION", "primaryName", name);
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            var answers = java.util.stream.IntStream.range(0, 4)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> create(editor, key, body).statusCode(), pool))
                    .toList();
            for (var answer : answers) {
                // the first creates; a repeat either replays it or is told the first is still being carried out
                assertThat(answer.get()).isIn(201, 409);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(count(name)).isEqualTo(1);
        create(editor, key, body).then().statusCode(201).header("Idempotent-Replayed", "true");
    }

    @Test
    void badKeysAreProblems() {
        create(Tokens.forUser(Tokens.EDITOR), "x".repeat(256), Map.of("type", "ORGANIZATION", "primaryName", "A"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("Idempotency-Key"));
    }

    @Test
    void relationsTakeKeysToo() {
        String editor = Tokens.forUser(Tokens.EDITOR);
        String a = create(editor, null, Map.of("type", "PERSON", "primaryName", "Abu Key " + UUID.randomUUID()))
                .then().statusCode(201).extract().path("id");
        String b = create(editor, null, Map.of("type", "ORGANIZATION", "primaryName", "Key Brigade " + UUID
                .randomUUID())).then().statusCode(201).extract().path("id");
        String key = UUID.randomUUID().toString();
        Map<String, String> relation = Map.of("subjectId", a, "objectId", b, "type", "MEMBER_OF");
        String first = given().auth().oauth2(editor).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(relation).post("/api/v1/relations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(editor).contentType(ContentType.JSON).header("Idempotency-Key", key).body(relation)
                .post("/api/v1/relations").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        assertThat(given().auth().oauth2(editor).queryParam("entity", a).get("/api/v1/relations").then()
                .statusCode(200).extract().jsonPath().getList("id")).containsExactly(first);
    }
}
