package io.dossier.entities.lookup;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The five seed articles linked against the sample registry: every militia and leader they name is found. (The first
 * seed names the Popular Mobilization Forces only as "PMF": an abbreviation alone is not linked without a full name
 * of the same entity in the text, so it is not expected there.)
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@Tag("shared-corpus")
class SeedLinkingTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "000_72946e7d3f87f7ba.txt | Kataib Hezbollah;Asaib Ahl al-Haq;Badr Organization;Qais al-Khazali;Akram al-Kaabi;Faleh al-Fayyad;Hadi al-Amiri;Coordination Framework",
            "001_fbff89c2386a7eb5.txt | Kataib Hezbollah;Islamic Resistance in Iraq;IRGC Quds Force;Faylaq al-Waad al-Sadiq",
            "002_ffd1d0e8557f2e79.txt | Esmail Qaani;Kataib Hezbollah;Harakat al-Nujaba;Islamic Resistance in Iraq;IRGC Quds Force;Imam Ali Brigades;Coordination Framework;Mohammed Shia al-Sudani;Tower 22",
            "003_a0c1f7db3c1df3d2.txt | Esmail Qaani;Qasem Soleimani;IRGC Quds Force;Kataib Hezbollah;Popular Mobilization Forces",
            "004_aacaa80493a60321.txt | Popular Mobilization Forces;Kataib Hezbollah;Kataib Sayyid al-Shuhada"})
    void everyActorOfTheSeedIsLinked(String seed, String expected) throws IOException {
        LookupResourceTest.loadTheSampleRegistry();
        String text = Files.readString(LocalStack.shared().resolve("seeds").resolve(seed));
        Set<Object> linked = given().auth().oauth2(Tokens.forUser(Tokens.READER)).contentType(ContentType.JSON)
                .body(Map.of("text", text)).post("/api/v1/mentions").then().statusCode(200).extract().jsonPath()
                .getList("mentions.primaryName").stream().collect(Collectors.toSet());
        System.out.printf("%s: %s%n", seed, linked);
        assertThat(linked).containsAll(Set.of((Object[]) expected.split(";")));
    }
}
