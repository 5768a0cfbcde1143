package io.dossier.search.watch;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.dossier.search.indexing.EntitiesApi;
import io.dossier.search.indexing.EntityIndex;
import io.dossier.search.indexing.IndexedDocument;
import io.dossier.search.indexing.IndexedEntity;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Watches through the API, evaluated against indexed batches, and their notifications as each user may see them. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class WatchResourceTest {

    @Inject
    WatchEvaluator evaluator;
    @Inject
    EntityIndex entities;

    String marker;
    String kh;

    @BeforeEach
    void registry() throws Exception {
        marker = "n" + UUID.randomUUID().toString().replace("-", "");
        kh = UUID.randomUUID().toString();
        entities.ensureExists();
        // a name no other test looks for (the entities index is shared by the module's tests)
        entities.write(List.of(new IndexedEntity(kh, "ORGANIZATION", "Watched Fixture " + marker, null,
                List.of("Watched Fixture " + marker), List.of("watched fixture " + marker),
                List.of("watched fixture " + marker), List.of())), List.of());
        // every user starts without watches
        for (String user : List.of(Tokens.ANALYST, Tokens.INVESTIGATOR, Tokens.READER)) {
            for (String id : as(user).get("/api/v1/watches").then().statusCode(200).extract().jsonPath()
                    .<String>getList("id")) {
                as(user).delete("/api/v1/watches/" + id).then().statusCode(204);
            }
        }
    }

    @AfterEach
    void forgetTheEntity() throws Exception {
        entities.write(List.of(), List.of(kh));
    }

    static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.forUser(user)).log().ifValidationFails();
    }

    private String watch(String user, Map<String, Object> body) {
        return as(user).contentType("application/json").body(body).post("/api/v1/watches").then()
                .statusCode(201).header("Location", containsString("/api/v1/watches/")).extract().path("id");
    }

    private IndexedDocument document(String collection, String title, String text, boolean linkedToKh) {
        List<EntitiesApi.Mention> mentions = linkedToKh
                ? List.of(new EntitiesApi.Mention(kh, "ORGANIZATION", "Kataib Hezbollah", 0, 2, "KH", "KH"))
                : List.of();
        return IndexedDocument.of(UUID.randomUUID().toString(), collection, title, List.of(), text, null,
                "Example Wire", "2025-03-14T09:00:00Z", "en", List.of(), "2025-03-15T10:00:00Z", mentions, 0);
    }

    /** A merge undone: the watch made for the merged entity follows it again, not the survivor. */
    @Test
    void anEntityWatchComesBackWhenItsMergeIsUndone() {
        String watched = watch(Tokens.ANALYST, Map.of("name", "KH again", "entityId", kh));
        String survivor = UUID.randomUUID().toString();
        evaluator.merged(Map.of(kh, survivor));
        // the survivor changes (it gained names), the merged entity has none of its own: the watch stays
        evaluator.registryChanged(Map.of(survivor, List.of("survivor"), kh, List.of()));
        as(Tokens.ANALYST).get("/api/v1/watches/" + watched).then().statusCode(200)
                .body("entityId", equalTo(survivor));
        // the merge undone: the merged entity has its names again, and the watch follows it
        evaluator.registryChanged(Map.of(kh, List.of("kataib hezbollah"), survivor, List.of("survivor")));
        as(Tokens.ANALYST).get("/api/v1/watches/" + watched).then().statusCode(200).body("entityId", equalTo(kh));
    }

    @Test
    void anEntityWatchFollowsTheEntityItWasMergedInto() {
        String watched = watch(Tokens.ANALYST, Map.of("name", "KH", "entityId", kh));
        IndexedDocument before = document("open", "KH before the merge " + marker, "A statement. " + marker, true);
        evaluator.indexed(List.of(before), List.of());
        // KH merged into another entity, which was itself merged into a third: the watch follows to the end
        String survivor = UUID.randomUUID().toString();
        String between = UUID.randomUUID().toString();
        evaluator.merged(Map.of(kh, between, between, survivor));
        evaluator.merged(Map.of(kh, between, between, survivor)); // the feed replayed: nothing more changes
        as(Tokens.ANALYST).get("/api/v1/watches/" + watched).then().statusCode(200)
                .body("entityId", equalTo(survivor));
        // the survivor's documents match now, the merged entity's among them (re-linked to the survivor): the one
        // notified before is not notified again
        List<EntitiesApi.Mention> toSurvivor = List.of(
                new EntitiesApi.Mention(survivor, "ORGANIZATION", "Survivor " + marker, 0, 2, "KH", "KH"));
        IndexedDocument after = IndexedDocument.of(UUID.randomUUID().toString(), "open", "After the merge " + marker,
                List.of(), "A statement. " + marker, null, "Example Wire", "2025-03-14T09:00:00Z", "en", List.of(),
                "2025-03-15T10:00:00Z", toSurvivor, 0);
        IndexedDocument relinked = IndexedDocument.of(before.id(), "open", before.title(), List.of(),
                "A statement. " + marker, null, "Example Wire", "2025-03-14T09:00:00Z", "en", List.of(),
                "2025-03-15T10:00:00Z", toSurvivor, 0);
        evaluator.indexed(List.of(after, relinked), List.of());
        assertThat(as(Tokens.ANALYST).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .<String>getList("items.documentId")).containsExactlyInAnyOrder(before.id(), after.id());
    }

    @Test
    void aDocumentNewlyMatchingAWatchIsNotifiedOnceAndOnlyToWhoMayReadIt() {
        String search = watch(Tokens.ANALYST, Map.of("name", "Drone strikes", "query", "drone strike " + marker));
        String entity = watch(Tokens.ANALYST, Map.of("name", "KH", "entityId", kh));
        String investigators = watch(Tokens.INVESTIGATOR, Map.of("name", "Checkpoints",
                "query", "checkpoint " + marker));

        IndexedDocument strikes = document("open", "Drone strikes near the border " + marker,
                "Two drones struck. " + marker, false);
        IndexedDocument linked = document("open", "KH statement " + marker, "A statement. " + marker, true);
        IndexedDocument restricted = document("restricted", "Checkpoint report " + marker,
                "Checkpoints attacked; KH suspected. " + marker, true);
        IndexedDocument unrelated = document("open", "Grain prices " + marker, "Wheat rose. " + marker, false);
        evaluator.indexed(List.of(strikes, linked, restricted, unrelated), List.of());
        // the feed replayed after a crash, an edit, a re-link: evaluated again, nothing new
        evaluator.indexed(List.of(strikes, linked, restricted, unrelated), List.of());

        JsonPath analyst = as(Tokens.ANALYST).get("/api/v1/notifications").then().statusCode(200).extract()
                .jsonPath();
        // the analyst reads only the open collection: the restricted report linked to KH is not shown, nor counted
        assertThat(analyst.getList("items.documentId")).containsExactlyInAnyOrder(strikes.id(), linked.id());
        assertThat(analyst.getInt("unread")).isEqualTo(2);
        assertThat(analyst.getList("items.watchName")).containsExactlyInAnyOrder("Drone strikes", "KH");
        assertThat(analyst.getList("items.reason")).contains("names Kataib Hezbollah");
        as(Tokens.ANALYST).get("/api/v1/notifications/unread").then().statusCode(200).body("unread", equalTo(2));

        // the investigator reads restricted: sees the report through the own watch, and nothing of the analyst's
        as(Tokens.INVESTIGATOR).get("/api/v1/notifications").then().statusCode(200)
                .body("items.documentId", equalTo(List.of(restricted.id())))
                .body("items[0].watchId", equalTo(investigators)).body("items[0].title", notNullValue());

        // a watch's latest matches, read by its owner
        as(Tokens.ANALYST).get("/api/v1/watches/" + entity).then().statusCode(200)
                .body("lastMatches.documentId", equalTo(List.of(linked.id()))).body("lastMatchedAt", notNullValue());
        as(Tokens.ANALYST).get("/api/v1/watches/" + search).then().statusCode(200)
                .body("kind", equalTo("search")).body("lastMatches", hasSize(1));

        // read: by id, then everything up to now
        long first = analyst.getLong("items[0].id");
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("ids", List.of(first)))
                .post("/api/v1/notifications/read").then().statusCode(200).body("marked", equalTo(1))
                .body("unread", equalTo(1));
        // unread first: the one still unread leads
        as(Tokens.ANALYST).get("/api/v1/notifications").then().statusCode(200)
                .body("items[0].readAt", equalTo(null)).body("items[1].id", equalTo((int) first));
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("upTo", "2100-01-01T00:00:00Z"))
                .post("/api/v1/notifications/read").then().statusCode(200).body("unread", equalTo(0));

        // a deleted watch's notifications go with it, and it matches nothing more
        as(Tokens.ANALYST).delete("/api/v1/watches/" + search).then().statusCode(204);
        evaluator.indexed(List.of(document("open", "Drone strike again " + marker, "drone. " + marker, false)),
                List.of());
        as(Tokens.ANALYST).get("/api/v1/notifications").then().statusCode(200)
                .body("items.documentId", equalTo(List.of(linked.id())));
    }

    @Test
    void notificationsFollowTheirDocumentIntoAnotherCollectionAndOutOfTheIndex() {
        watch(Tokens.ANALYST, Map.of("name", "Moves", "query", "convoy " + marker));
        IndexedDocument convoy = document("open", "Convoy " + marker, "A convoy. " + marker, false);
        IndexedDocument other = document("open", "Another convoy " + marker, "A convoy. " + marker, false);
        evaluator.indexed(List.of(convoy, other), List.of());
        as(Tokens.ANALYST).get("/api/v1/notifications/unread").then().statusCode(200).body("unread", equalTo(2));
        // moved into a collection the analyst may not read, and retitled: the notification goes with it, unseen
        IndexedDocument moved = IndexedDocument.of(convoy.id(), "restricted", "Secret convoy " + marker, List.of(),
                "A convoy. " + marker, null, null, null, "en", List.of(), "2025-03-15T10:00:00Z", List.of(), 0);
        evaluator.indexed(List.of(moved), List.of());
        JsonPath page = as(Tokens.ANALYST).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.documentId")).containsExactly(other.id());
        assertThat(page.getInt("unread")).isEqualTo(1);
        assertThat(page.prettify()).doesNotContain("Secret convoy");
        // deleted: gone
        evaluator.indexed(List.of(), List.of(other.id()));
        as(Tokens.ANALYST).get("/api/v1/notifications").then().statusCode(200).body("items", hasSize(0))
                .body("unread", equalTo(0));
    }

    @Test
    void pagesWithTheCursor() {
        watch(Tokens.ANALYST, Map.of("name", "All of the marker", "query", marker));
        List<IndexedDocument> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            batch.add(document("open", "Item " + i + " " + marker, "text " + marker, false));
        }
        evaluator.indexed(batch, List.of());
        JsonPath page = as(Tokens.ANALYST).queryParam("size", 3).get("/api/v1/notifications").then().statusCode(200)
                .extract().jsonPath();
        List<Object> seen = new java.util.ArrayList<>(page.getList("items.id"));
        while (page.getString("next") != null) {
            page = as(Tokens.ANALYST).queryParam("size", 3).queryParam("cursor", page.getString("next"))
                    .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        as(Tokens.ANALYST).queryParam("cursor", "not-a-cursor").get("/api/v1/notifications").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aCreateRepeatedWithItsIdempotencyKeyIsOneWatch() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("name", "Drones " + marker, "query", "drone " + marker);
        String first = as(Tokens.ANALYST).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/watches").then().statusCode(201).extract().path("id");
        as(Tokens.ANALYST).contentType("application/json").header("Idempotency-Key", key).body(body)
                .post("/api/v1/watches").then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first));
        as(Tokens.ANALYST).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("name", "Other " + marker, "query", "other")).post("/api/v1/watches").then()
                .statusCode(422).contentType("application/problem+json");
        assertThat(as(Tokens.ANALYST).get("/api/v1/watches").then().statusCode(200).extract().jsonPath()
                .<String>getList("id")).containsExactly(first);
    }

    @Test
    void watchesAreCheckedLikeSearchesAndBelongToTheirOwner() {
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "x", "query", "drone AND ("))
                .post("/api/v1/watches").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("column"));
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "x"))
                .post("/api/v1/watches").then().statusCode(400).body("detail", containsString("one of the two"));
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("name", "x", "query", "drone", "entityId", kh))
                .post("/api/v1/watches").then().statusCode(400);
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "x", "query", "*"))
                .post("/api/v1/watches").then().statusCode(400).body("detail", containsString("add a filter"));
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "x", "query", "((("))
                .post("/api/v1/watches").then().statusCode(400);
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("name", "x", "entityId", UUID.randomUUID().toString()))
                .post("/api/v1/watches").then().statusCode(400).body("detail", containsString("no entity"));
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "x", "entityId", "KH"))
                .post("/api/v1/watches").then().statusCode(400);
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", " ", "query", "drone"))
                .post("/api/v1/watches").then().statusCode(400);
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("name", "x", "query", "drone", "filters", Map.of("entity", List.of("nope"))))
                .post("/api/v1/watches").then().statusCode(400);
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("name", "x", "query", "drone", "filters", Map.of("publishedFrom", "yesterday")))
                .post("/api/v1/watches").then().statusCode(400).contentType("application/problem+json");
        as(Tokens.ANALYST).contentType("application/json").body("{\"name\": ").post("/api/v1/watches").then()
                .statusCode(400).contentType("application/problem+json");
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "a\u0000b", "query", "drone"))
                .post("/api/v1/watches").then().statusCode(400).contentType("application/problem+json");
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "x", "query", "drone\u0000"))
                .post("/api/v1/watches").then().statusCode(400).contentType("application/problem+json");
        as(Tokens.ANALYST).contentType("application/json")
                .body(Map.of("name", "x", "query", "drone", "filters", Map.of("publishedTo", "+999999999-12-31")))
                .post("/api/v1/watches").then().statusCode(400).contentType("application/problem+json");

        String mine = watch(Tokens.ANALYST, Map.of("name", "Drones", "query", "drone",
                "filters", Map.of("collection", List.of("open"), "publishedFrom", "2025-01-01")));
        as(Tokens.ANALYST).get("/api/v1/watches/" + mine).then().statusCode(200)
                .body("filters.collection", equalTo(List.of("open")))
                .body("filters.publishedFrom", equalTo("2025-01-01")).body("owner", equalTo(Tokens.ANALYST));
        as(Tokens.ANALYST).contentType("application/json").body(Map.of("name", "Drones, renamed", "query", "drones"))
                .patch("/api/v1/watches/" + mine).then().statusCode(200).body("name", equalTo("Drones, renamed"))
                .body("query", equalTo("drones")).body("filters.collection", equalTo(List.of("open")));
        // another user neither sees nor changes it; an administrator sees it and may delete it, not change it
        as(Tokens.INVESTIGATOR).get("/api/v1/watches/" + mine).then().statusCode(404);
        as(Tokens.INVESTIGATOR).contentType("application/json").body(Map.of("name", "mine now"))
                .patch("/api/v1/watches/" + mine).then().statusCode(404);
        as(Tokens.INVESTIGATOR).delete("/api/v1/watches/" + mine).then().statusCode(404);
        as(Tokens.INVESTIGATOR).get("/api/v1/watches").then().statusCode(200).body("id", hasSize(0));
        as(Tokens.ANALYST).queryParam("all", true).get("/api/v1/watches").then().statusCode(403);
        assertThat(as(Tokens.ADMIN).queryParam("all", true).get("/api/v1/watches").then().statusCode(200)
                .extract().jsonPath().<String>getList("id")).contains(mine);
        as(Tokens.ADMIN).get("/api/v1/watches/" + mine).then().statusCode(200);
        // pages of everyone's watches start where asked, not at a multiple of the page size
        List<String> all = as(Tokens.ADMIN).queryParam("all", true).get("/api/v1/watches").then().statusCode(200)
                .extract().jsonPath().getList("id");
        if (all.size() >= 3) {
            assertThat(as(Tokens.ADMIN).queryParam("all", true).queryParam("from", 1).queryParam("size", 2)
                    .get("/api/v1/watches").then().statusCode(200).extract().jsonPath().<String>getList("id"))
                    .isEqualTo(all.subList(1, 3));
        }
        as(Tokens.ADMIN).contentType("application/json").body(Map.of("name", "admin's now"))
                .patch("/api/v1/watches/" + mine).then().statusCode(404);
        given().get("/api/v1/watches").then().statusCode(401);
    }

    @Test
    void atMostTwoHundredWatchesPerUser() {
        for (int i = 0; i < WatchService.MAX_PER_USER; i++) {
            watch(Tokens.READER, Map.of("name", "w" + i, "query", "word" + i, "filters",
                    Map.of("collection", List.of("open"))));
        }
        as(Tokens.READER).contentType("application/json").body(Map.of("name", "one more", "query", "drone"))
                .post("/api/v1/watches").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("200"));
    }
}
