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
import io.restassured.response.Response;

/**
 * Registry changes reach documents indexed before them: a new entity, a new name and a merge re-link the documents
 * that mention them, and the typeahead follows.
 */
@ExtendWith(PlatformExtension.class)
class RegistryChangeTest {

    private static final Duration INDEXED = Duration.ofSeconds(30);

    @Test
    void documentsIndexedBeforeARegistryChangeAreLinkedAgain() {
        String u = WalkingSkeletonTest.uniqueWord();
        String zeta = "Liwa Zeta " + u;
        String omega = "Saraya Omega " + u;
        String nickname = "Zeta Brigade " + u;
        String first = ingest("Attack claimed", zeta + " claimed an attack on a supply convoy.");
        String second = ingest("Denial", omega + " denied any role in the attack.");
        String third = ingest("Profile", "The " + nickname + " recruits in the south.");
        String reader = Tokens.forUser(Tokens.READER);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(reader, u) == 3);

        // a new entity: the document naming it, indexed before, is linked to it
        String zetaId = createEntity(zeta);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> linkedTo(zetaId).equals(List.of(first)));
        assertThat(suggest(zeta.substring(0, zeta.length() - 3))).first().isEqualTo(zetaId);

        // a new name of it: the document using that name joins
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .body(Map.of("value", nickname)).post("/api/v1/entities/" + zetaId + "/names").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> linkedTo(zetaId).size() == 2);
        assertThat(linkedTo(zetaId)).containsExactlyInAnyOrder(first, third);

        // another entity merged into it: its document now links to the survivor, and the other is gone
        String omegaId = createEntity(omega);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> linkedTo(omegaId).equals(List.of(second)));
        Response survivor = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .get("/api/v1/entities/" + zetaId);
        given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType(ContentType.JSON)
                .header("If-Match", survivor.header("ETag")).body(Map.of("from", omegaId))
                .post("/api/v1/entities/" + zetaId + "/merge").then().statusCode(200);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> linkedTo(zetaId).size() == 3 && linkedTo(omegaId).isEmpty());
        assertThat(linkedTo(zetaId)).containsExactlyInAnyOrder(first, second, third);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> !suggest(omega).contains(omegaId));
        assertThat(suggest(omega)).first().isEqualTo(zetaId);

        // searching by a name it took over finds the documents that use its other names, with that evidence marked
        var byName = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER))
                .queryParam("q", omega).get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(byName.getList("hits.id", String.class)).containsExactlyInAnyOrder(first, second, third);
        assertThat(byName.getString("expansions[0].entityId")).isEqualTo(zetaId);
        assertThat(byName.getString("hits.find { it.id == '" + first + "' }.highlights.text[0]"))
                .contains("<mark>" + zeta + "</mark>");
        // and a name inside a longer query is expanded too, leaving the other words their meaning
        var inQuery = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER))
                .queryParam("q", omega + " AND attack").get("/api/v1/search").then().statusCode(200).extract()
                .jsonPath();
        assertThat(inQuery.getList("hits.id", String.class)).containsExactlyInAnyOrder(first, second);
        assertThat(inQuery.getString("expansions[0].entityId")).isEqualTo(zetaId);
    }

    /**
     * A document that wrote a man's name in a spelling the registry was to lack, indexed before he was registered:
     * once he is, the re-linking finds the document by its spotted name and shows the spelling as a possible mention
     * of him, as it would in a document arriving after him.
     */
    @Test
    void aSpellingInADocumentIndexedBeforeTheEntityBecomesAPossibleMentionOfIt() {
        String u = WalkingSkeletonTest.uniqueWord();
        String capital = Character.toUpperCase(u.charAt(0)) + u.substring(1);
        String spelling = "Abu " + capital + " al-Mohammedawi";
        String registered = "Abu " + capital + " al-Mohammadawi";
        String document = ingest("Funeral", "Militia leader " + spelling + " attended the funeral in Basra.");
        String editor = Tokens.forUser(Tokens.EDITOR);
        await().atMost(INDEXED).pollInterval(Duration.ofMillis(200))
                .until(() -> WalkingSkeletonTest.total(editor, u) == 1);
        assertThat(view(document, editor).getList("possibleMentions")).isEmpty();

        String entity = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "PERSON", "primaryName", registered)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
        await("a possible mention of the new entity").atMost(INDEXED).pollInterval(Duration.ofMillis(250))
                .until(() -> !view(document, editor).getList("possibleMentions").isEmpty());
        var after = view(document, editor);
        assertThat(after.getString("possibleMentions[0].entityId")).isEqualTo(entity);
        assertThat(after.getString("possibleMentions[0].surface")).isEqualTo(spelling);
        assertThat(after.getList("mentions")).as("not a link until an editor confirms it").isEmpty();
    }

    private static io.restassured.path.json.JsonPath view(String document, String token) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(token).get("/api/v1/search/documents/" + document)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String ingest(String title, String text) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .contentType(ContentType.JSON).body(Map.of("title", title, "text", text))
                .post("/api/v1/sources").then().statusCode(201).extract().path("id");
    }

    private static String createEntity(String name) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .contentType(ContentType.JSON).body(Map.of("type", "ORGANIZATION", "primaryName", name))
                .post("/api/v1/entities").then().statusCode(201).extract().path("id");
    }

    /** The documents linked to an entity, found by the entity filter (with a query any document matches). */
    private static List<String> linkedTo(String entityId) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER))
                .queryParam("q", "*").queryParam("entity", entityId).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath().getList("hits.id", String.class);
    }

    static List<String> suggest(String typed) {
        return given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("q", typed)
                .get("/api/v1/search/entities").then().statusCode(200).extract().jsonPath()
                .getList("entities.id", String.class);
    }
}
