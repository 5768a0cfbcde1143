package io.dossier.sources.feed;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ChangeFeedResourceTest {

    private static String create(String title) {
        return given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", title + " " + UUID.randomUUID(), "collection", "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    private static JsonPath page(long after, int limit) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .queryParam("after", after).queryParam("limit", limit)
                .get("/api/v1/sources/changes").then().statusCode(200).extract().jsonPath();
    }

    private static long head() {
        long head = page(0, 1).getLong("head");
        assertThat(page(head, 1).getList("changes")).isEmpty();
        return head;
    }

    @Test
    void createsAppearInOrderWithTheSourceState() {
        long before = head();
        String first = create("First brief");
        String second = create("Second brief");

        JsonPath page = page(before, 10);
        List<String> ids = page.getList("changes.sourceId");
        assertThat(ids).containsExactly(first, second);
        assertThat(page.getList("changes.operation", String.class)).containsOnly("CREATED");
        assertThat(page.getList("changes.collection", String.class)).containsOnly("restricted");
        assertThat(page.getString("changes[1].source.title")).isEqualTo("Second brief");
        List<Long> seqs = page.getList("changes.seq", Long.class);
        assertThat(seqs.get(1)).isGreaterThan(seqs.get(0));
        assertThat(page.getLong("next")).isEqualTo(seqs.get(1));

        JsonPath rest = page(seqs.get(0), 10);
        assertThat(rest.getList("changes.sourceId", String.class)).containsExactly(second);
        JsonPath empty = page(seqs.get(1), 10);
        assertThat(empty.getList("changes")).isEmpty();
        assertThat(empty.getLong("next")).isEqualTo(seqs.get(1));
    }

    @Test
    void filtersByCollection() {
        long before = head();
        String restricted = create("Restricted brief");
        JsonPath open = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .queryParam("after", before).queryParam("collection", "open")
                .get("/api/v1/sources/changes").then().statusCode(200).extract().jsonPath();
        assertThat(open.getList("changes.sourceId", String.class)).doesNotContain(restricted);
        String openOne = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Open brief", "text", "Open " + UUID.randomUUID()))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        JsonPath openAfter = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN))
                .queryParam("after", before).queryParam("collection", "open")
                .get("/api/v1/sources/changes").then().statusCode(200).extract().jsonPath();
        assertThat(openAfter.getList("changes.sourceId", String.class)).containsExactly(openOne);
    }

    @Test
    void aReaderFollowsOnlyItsCollectionsAndASourceMovedOutReadsAsGone() {
        given().get("/api/v1/sources/changes").then().statusCode(401);
        long before = head();
        String restricted = create("Restricted brief");
        String open = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Open brief", "text", "Open " + UUID.randomUUID()))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        String moved = given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("title", "Brief moved away", "text", "Moved " + UUID.randomUUID()))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("collection", "restricted")).patch("/api/v1/sources/" + moved).then().statusCode(200);

        JsonPath reader = given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("after", before)
                .get("/api/v1/sources/changes").then().statusCode(200).extract().jsonPath();
        // the open source; the moved one's creation in open and its move out, both without its state now
        assertThat(reader.getList("changes.sourceId", String.class)).containsExactly(open, moved, moved);
        assertThat(reader.getList("changes.operation", String.class)).containsExactly("CREATED", "CREATED",
                "UPDATED");
        assertThat(reader.getList("changes.collection", String.class)).containsOnly("open");
        assertThat(reader.getString("changes[0].source.title")).isEqualTo("Open brief");
        assertThat(reader.getMap("changes[1]")).containsEntry("source", null);
        assertThat(reader.getMap("changes[2]")).containsEntry("source", null);
        // the head is the last entry this reader may see, not a count of the others
        assertThat(reader.getLong("head")).isEqualTo(reader.getLong("changes[2].seq"));
        assertThat(reader.prettify()).doesNotContain("Brief moved away", restricted);
        JsonPath filtered = given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("after", before)
                .queryParam("collection", "restricted").get("/api/v1/sources/changes").then().statusCode(200)
                .extract().jsonPath();
        assertThat(filtered.getList("changes")).isEmpty();
        assertThat(filtered.getLong("next")).isEqualTo(before);

        // the services' own client follows everything, with each source's state now
        JsonPath service = given().auth().oauth2(Tokens.forClient("search-service", "dev-search-service-secret"))
                .queryParam("after", before).get("/api/v1/sources/changes").then().statusCode(200).extract()
                .jsonPath();
        assertThat(service.getList("changes.sourceId", String.class)).containsExactly(restricted, open, moved, moved);
        assertThat(service.getString("changes[3].source.collection")).isEqualTo("restricted");
    }

    @Test
    void badParametersAreProblems() {
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("limit", 5000)
                .get("/api/v1/sources/changes")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field",
                        equalTo("limit"));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("after", "abc")
                .get("/api/v1/sources/changes")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void updatesAndDeletionsFollowInOrderAndADeletionIsATombstone() {
        long before = head();
        String id = create("Brief to change");
        // the brief is in `restricted`: an administrator edits it (an editor without that collection may not)
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("title", "Changed brief")).patch("/api/v1/sources/" + id).then().statusCode(200);
        JsonPath changed = page(before, 10);
        assertThat(changed.getList("changes.operation", String.class)).containsExactly("CREATED", "UPDATED");
        assertThat(changed.getString("changes[1].source.title")).isEqualTo("Changed brief");

        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).delete("/api/v1/sources/" + id).then().statusCode(204);
        JsonPath deleted = page(before, 10);
        assertThat(deleted.getList("changes.operation", String.class)).containsExactly("CREATED", "UPDATED",
                "DELETED");
        assertThat(deleted.getList("changes.sourceId", String.class)).containsOnly(id);
        // the feed serves current state: once deleted, no entry carries the source any more
        assertThat(deleted.getList("changes.source")).containsOnlyNulls();
    }

    @Test
    void pagesStopGrowingPastTheByteCap() {
        long before = head();
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            // 1.2 MB each against the test profile's 2 MB cap: one source per page
            String text = UUID.randomUUID() + " " + "x".repeat(1_200_000);
            ids.add(given().auth().oauth2(Tokens.forUser(Tokens.ANALYST)).contentType(ContentType.JSON)
                    .body(Map.of("title", "Large brief " + i, "text", text))
                    .post("/api/v1/sources").then().statusCode(201).extract().path("id"));
        }
        List<String> seen = new java.util.ArrayList<>();
        long after = before;
        for (int pages = 0; pages < 3; pages++) {
            JsonPath page = page(after, 100);
            assertThat(page.getList("changes")).hasSize(1);
            seen.addAll(page.getList("changes.sourceId", String.class));
            after = page.getLong("next");
        }
        assertThat(seen).containsExactlyElementsOf(ids);
        assertThat(page(after, 100).getList("changes")).isEmpty();
        // keep the test database small across runs
        ids.forEach(id -> given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).delete("/api/v1/sources/" + id)
                .then().statusCode(204));
    }
}
