package io.dossier.sources.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.dossier.audit.AuditRetention;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The sources service's audit trail: creating, reading (restricted collections only), editing, tagging, noting and
 * deleting are recorded with who did it; administrators alone read it; nobody changes or deletes an event but the
 * retention job.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AuditTrailTest {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    AuditRetention retention;

    static JsonPath events(String targetId) {
        return given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("targetId", targetId)
                .get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
    }

    static String create(String user, String collection, String title) {
        return given().auth().oauth2(Tokens.forUser(user)).contentType(ContentType.JSON)
                .body(Map.of("title", title, "text", "Audited text " + UUID.randomUUID(), "collection", collection))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    @Test
    void aRestrictedDocumentsLifeIsRecordedWithWhoDidWhat() {
        String id = create(Tokens.INVESTIGATOR, "restricted", "Restricted brief on a supply route");
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get("/api/v1/sources/" + id).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get("/api/v1/sources/" + id + "/text").then()
                .statusCode(200);
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON)
                .body(Map.of("quote", "Audited", "text", "Check the route")).post("/api/v1/sources/" + id + "/notes")
                .then().statusCode(201);
        String etag = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).get("/api/v1/sources/" + id).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("title", "Restricted brief on the southern supply route")).patch("/api/v1/sources/" + id)
                .then().statusCode(200).body("updatedBy", equalTo("admin")).body("createdBy", equalTo("investigator"));
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).contentType(ContentType.JSON)
                .body(Map.of("add", List.of("route"))).post("/api/v1/sources/" + id + "/tags").then().statusCode(200)
                .body("updatedBy", equalTo("investigator"));

        JsonPath trail = events(id);
        // newest first
        assertThat(trail.getList("events.action")).containsExactly("UPDATE", "UPDATE", "READ", "READ", "READ",
                "CREATE");
        assertThat(trail.getList("events.actor")).containsExactly("investigator", "admin", "admin", "investigator",
                "investigator", "investigator");
        assertThat(trail.getList("events.summary", String.class).subList(2, 5)).containsExactly(
                "Restricted brief on a supply route", "text: Restricted brief on a supply route",
                "Restricted brief on a supply route");
        assertThat(trail.getList("events.collection")).containsOnly("restricted");
        assertThat(trail.getList("events.service")).containsOnly("sources-service");
        assertThat(trail.getString("events[1].summary")).isEqualTo("changed title");
        assertThat(trail.getString("events[0].summary")).contains("route");
        // the note is an event of its own, on the note
        assertThat(trail.getList("events.targetType")).doesNotContain("note");

        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).header("If-Match", "*").delete("/api/v1/sources/" + id)
                .then().statusCode(204);
        assertThat(events(id).getList("events.action").get(0)).isEqualTo("DELETE");
        JsonPath notes = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("targetType", "note")
                .queryParam("actor", "investigator").queryParam("action", "CREATE").get("/api/v1/audit/events").then()
                .statusCode(200).extract().jsonPath();
        assertThat(notes.getList("events.summary", String.class)).anyMatch(s -> s.contains(id));
    }

    @Test
    void aPersonReadingTheChangeFeedReadsWhatItCarriesTheIndexingServicesDoNot() {
        String id = create(Tokens.INVESTIGATOR, "restricted", "Restricted brief read through the feed");
        long after = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).get("/api/v1/sources/changes?limit=1")
                .then().statusCode(200).extract().jsonPath().getLong("head") - 1;
        // the search service reads the feed for everyone: not a person's read
        given().auth().oauth2(Tokens.forClient("search-service", "dev-search-service-secret"))
                .get("/api/v1/sources/changes?after=" + after).then().statusCode(200);
        assertThat(events(id).getList("events.action")).containsExactly("CREATE");
        // an investigator paging the feed gets the text of the restricted brief: a READ, as through /sources/{id}
        given().auth().oauth2(Tokens.forUser(Tokens.INVESTIGATOR)).get("/api/v1/sources/changes?after=" + after)
                .then().statusCode(200);
        assertThat(events(id).getList("events.action")).containsExactly("READ", "CREATE");
        assertThat(events(id).getString("events[0].summary")).startsWith("change feed: ");
        assertThat(events(id).getString("events[0].actor")).isEqualTo("investigator");
    }

    @Test
    void readingTheOpenCollectionIsNotRecordedChangingItIs() {
        String id = create(Tokens.ANALYST, "open", "Open brief");
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/sources/" + id + "/notes").then()
                .statusCode(200);
        assertThat(events(id).getList("events.action")).containsExactly("CREATE");
        assertThat(events(id).getString("events[0].actor")).isEqualTo("analyst");
    }

    @Test
    void onlyAdministratorsReadTheTrailAndBadFiltersAreRefusedInWords() {
        for (String user : List.of(Tokens.READER, Tokens.ANALYST, Tokens.EDITOR, Tokens.INVESTIGATOR)) {
            given().auth().oauth2(Tokens.forUser(user)).get("/api/v1/audit/events").then().statusCode(403);
        }
        given().get("/api/v1/audit/events").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("cursor", "not-a-cursor")
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("cursor"));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("from", "yesterday")
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("ISO 8601"));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("actor", "ad\u0000min")
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("NUL"));
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("action", "STEAL")
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("size", 501)
                .get("/api/v1/audit/events").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagesWalkTheWholeTrailOnceNewestFirst() {
        String actor = Tokens.INVESTIGATOR;
        for (int i = 0; i < 5; i++) {
            create(actor, "restricted", "Paged brief " + i + " " + UUID.randomUUID());
        }
        String from = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).toString();
        List<String> all = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("actor", actor)
                .queryParam("from", from).queryParam("size", 500).get("/api/v1/audit/events").then().statusCode(200)
                .extract().jsonPath().getList("events.id");
        List<String> walked = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("actor", actor)
                    .queryParam("from", from).queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit/events").then().statusCode(200).extract().jsonPath();
            walked.addAll(page.getList("events.id"));
            cursor = page.getString("next");
        } while (cursor != null);
        assertThat(all.size()).isGreaterThanOrEqualTo(5);
        assertThat(walked).isEqualTo(all);
    }

    @Test
    void eventsCannotBeChangedOrDeletedExceptByTheRetentionJob() throws SQLException {
        String id = create(Tokens.ANALYST, "open", "Brief that stays on the record");
        try (Connection c = dataSource.getConnection()) {
            assertThatThrownBy(() -> execute(c, "update audit_event set actor = 'someone else' where target_id = '"
                    + id + "'")).hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(c, "delete from audit_event where target_id = '" + id + "'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute(c, "truncate audit_event")).hasMessageContaining("append-only");
            // an event past the retention, as if written 500 days ago
            try (PreparedStatement old = c.prepareStatement("insert into audit_event (id, occurred_at, service,"
                    + " actor, action, target_type) values (?, ?, 'sources-service', 'analyst', 'CREATE', 'source')")) {
                old.setObject(1, UUID.randomUUID());
                old.setObject(2, OffsetDateTime.now(ZoneOffset.UTC).minusDays(500));
                old.executeUpdate();
            }
        }
        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);
        assertThat(events(id).getList("events.action")).containsExactly("CREATE");
        given().auth().oauth2(Tokens.forUser(Tokens.ADMIN)).queryParam("to",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(400).toString()).get("/api/v1/audit/events").then()
                .statusCode(200).body("events.size()", equalTo(0));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }
}
