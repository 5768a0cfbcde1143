package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.PageImages;
import io.dossier.testinfra.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A photographed statement in Arabic, naming an actor by its Arabic name only, becomes a document found by the Latin
 * spelling the registry holds: uploaded through the gateway, read by OCR (no language given: the first pass finds
 * Arabic), linked to the entity and indexed.
 */
@ExtendWith(PlatformExtension.class)
class OcrEndToEndTest {

    static final String LATIN = "Saraya Jabal al-Zaytun";
    static final String ARABIC = "سرايا جبل الزيتون";

    @Test
    void anArabicStatementImageIsFoundByTheActorsLatinName() {
        String editor = Tokens.forUser(Tokens.EDITOR);
        String entity = given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("type", "ORGANIZATION", "primaryName", LATIN)).post("/api/v1/entities").then()
                .statusCode(201).extract().path("id");
        given().baseUri(Platform.GATEWAY).auth().oauth2(editor).contentType(ContentType.JSON)
                .body(Map.of("value", ARABIC)).post("/api/v1/entities/" + entity + "/names").then()
                .statusCode(org.hamcrest.Matchers.oneOf(200, 201));

        String statement = "أعلنت " + ARABIC + " في بيان صدر اليوم مسؤوليتها عن استهداف رتل للإمداد قرب الطريق"
                + " الدولي، وقالت إن مقاتليها عادوا إلى مواقعهم سالمين.\nرقم " + (1000 + new Random().nextInt(9000));
        byte[] photo = PageImages.jpeg(PageImages.skew(PageImages.page(statement, true, 300), 1), 0.7f);
        JsonPath accepted = given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.ANALYST))
                .multiPart("file", "bayan.jpg", photo, "image/jpeg").post("/api/v1/sources").then().statusCode(202)
                .extract().jsonPath();
        String id = accepted.getString("id");
        assertThat(accepted.getString("status")).isEqualTo("EXTRACTING");

        String reader = Tokens.forUser(Tokens.READER);
        JsonPath source = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(reader).get("/api/v1/sources/" + id)
                        .then().statusCode(200).extract().jsonPath(),
                        s -> !s.getString("status").equals("EXTRACTING"));
        assertThat(source.getString("status")).isEqualTo("EXTRACTED");
        assertThat(source.getString("ocr.language")).isEqualTo("ara");
        assertThat(source.getString("language")).isEqualTo("ar");
        assertThat(source.getString("text")).contains(ARABIC);

        JsonPath found = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions().until(() -> given().baseUri(Platform.GATEWAY).auth().oauth2(reader)
                        .queryParam("q", LATIN).get("/api/v1/search").then().statusCode(200).extract().jsonPath(),
                        r -> r.getList("hits.id", String.class).contains(id));
        assertThat(found.getString("expansions[0].entityId")).isEqualTo(entity);
        List<String> linked = given().baseUri(Platform.GATEWAY).auth().oauth2(reader).queryParam("q", "*")
                .queryParam("entity", entity).get("/api/v1/search").then().statusCode(200).extract().jsonPath()
                .getList("hits.id", String.class);
        assertThat(linked).as("linked to the entity, not only found by words").contains(id);
        String highlighted = found.getString("hits.find { it.id == '" + id + "' }.highlights.text[0]");
        assertThat(highlighted).contains("<mark>" + ARABIC + "</mark>");
    }
}
