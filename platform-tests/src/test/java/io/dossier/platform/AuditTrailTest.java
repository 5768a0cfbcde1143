package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A scripted session through the gateway, and what the audit trail holds of it afterwards: an investigator reads a
 * restricted report, an administrator edits it, an editor merges two entities, a reader exports a search and the
 * registry; the administrator then reads the whole platform's trail in one order, pages it and exports it.
 */
@ExtendWith(PlatformExtension.class)
class AuditTrailTest {

    @Test
    void aScriptedSessionIsInTheTrailWithWhoDidWhat() {
        String since = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).toString();
        String word = WalkingSkeletonTest.uniqueWord();
        String investigator = Tokens.forUser(Tokens.INVESTIGATOR);
        String admin = Tokens.forUser(Tokens.ADMIN);
        String editor = Tokens.forUser(Tokens.EDITOR);
        // read restricted
        String source = given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).contentType(ContentType.JSON)
                .body(Map.of("title", "Audit brief " + word, "text", "A restricted report: " + word, "collection",
                        "restricted"))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
        given().baseUri(Platform.GATEWAY).auth().oauth2(investigator).get("/api/v1/sources/" + source).then()
                .statusCode(200);
        // edit
        given().baseUri(Platform.GATEWAY).auth().oauth2(admin).contentType(ContentType.JSON).header("If-Match", "*")
                .body(Map.of("title", "Audit brief (revised) " + word)).patch("/api/v1/sources/" + source).then()
                .statusCode(200);
        // merge
        String survivor = entity(editor, "Audit Brigade " + word);
        String loser = entity(editor, "Audit Brigades " + word);
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("from", loser)).post("/api/v1/entities/" + survivor + "/merge").then().statusCode(200);
        // export: a search from the search page, and the registry from the API
        CodeFlowSession reader = CodeFlowSession.signIn(java.net.URI.create(Platform.GATEWAY), Tokens.READER,
                "/search");
        // a long query in Arabic, starting with what a spreadsheet reads as a formula: recorded (clipped), never
        // refused, and defused in the trail's CSV
        String query = "@" + word + " " + "كتائب حزب الله ".repeat(25);
        assertThat(reader.get("/search/export?format=csv&q=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(200);
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER))
                .get("/api/v1/entities/ftm?tag=" + word).then().statusCode(200);

        // the whole trail since the session began, newest first, merged from the three services
        List<Map<String, Object>> events = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().baseUri(Platform.GATEWAY).auth().oauth2(admin).queryParam("from", since)
                    .queryParam("size", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit").then().statusCode(200).extract().jsonPath();
            events.addAll(page.getList("events"));
            cursor = page.getString("next");
            pages++;
        } while (cursor != null);
        List<String> times = events.stream().map(e -> (String) e.get("occurredAt")).toList();
        assertThat(times).as("newest first").isSortedAccordingTo((a, b) -> OffsetDateTime.parse(b)
                .compareTo(OffsetDateTime.parse(a)));
        assertThat(events.stream().map(e -> e.get("id")).distinct().count()).as("each event once over the pages")
                .isEqualTo(events.size());

        List<String> mine = new ArrayList<>();
        Map<String, Integer> byService = new TreeMap<>();
        for (Map<String, Object> e : events) {
            String target = String.valueOf(e.get("targetId"));
            String summary = String.valueOf(e.get("summary"));
            if (target.equals(source) || target.equals(survivor) || target.equals(loser) || summary.contains(word)
                    || target.contains(word)) {
                mine.add(e.get("actor") + " " + e.get("action") + " " + e.get("targetType"));
                byService.merge((String) e.get("service"), 1, Integer::sum);
            }
        }
        assertThat(mine).contains("investigator CREATE source", "investigator READ source", "admin UPDATE source",
                "editor CREATE entity", "editor MERGE entity", "editor UPDATE entity", "reader EXPORT search");
        assertThat(byService).containsKeys("sources-service", "entities-service", "search-service");
        // the registry export names its filter
        assertThat(events).anySatisfy(e -> assertThat(e).containsEntry("actor", "reader")
                .containsEntry("action", "EXPORT").containsEntry("targetType", "registry")
                .containsEntry("summary", "FollowTheMoney export, tag " + word));

        // the administrator exports the trail itself; that export is on the trail too
        String csv = given().baseUri(Platform.GATEWAY).auth().oauth2(admin).queryParam("format", "csv")
                .queryParam("from", since).get("/api/v1/audit/export").then().statusCode(200)
                .contentType("text/csv").extract().asString();
        assertThat(csv.lines().count()).as("a header, then every event").isEqualTo(events.size() + 1);
        assertThat(csv).contains("admin,UPDATE,source," + source + ",restricted,changed title");
        assertThat(csv).contains(",EXPORT,search,'@" + word + " كتائب");
        assertThat(events).anySatisfy(e -> assertThat((String) e.get("targetId")).startsWith("@" + word)
                .hasSizeLessThanOrEqualTo(255).endsWith("…"));
        assertThat(given().baseUri(Platform.GATEWAY).auth().oauth2(admin).queryParam("action", "EXPORT")
                .queryParam("targetType", "audit").queryParam("from", since).get("/api/v1/audit").then()
                .statusCode(200).extract().jsonPath().getList("events.actor")).containsExactly("admin");
        System.out.printf("audit trail of a scripted session (read restricted, edit, merge, export): %d events "
                + "in %d pages of 3, %s by service; the session's own: %s%n", events.size(), pages, byService, mine);
    }

    private static String entity(String token, String name) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", name, "tags", List.of("audit")))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
    }
}
