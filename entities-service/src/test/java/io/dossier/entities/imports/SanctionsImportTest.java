package io.dossier.entities.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.JsonPath;

/** The real OFAC SDN and UN consolidated lists from {@code ../shared} into the registry, twice. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@Tag("shared-corpus")
class SanctionsImportTest {

    static Path sanctions() {
        return LocalStack.shared().resolve("corpus/sanctions");
    }

    /** A whole list is one request; it may take longer than the default read timeout. */
    static final RestAssuredConfig SLOW = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.socket.timeout", 300_000).setParam("http.connection.timeout", 10_000));

    static JsonPath importBoth() throws IOException {
        JsonPath ofac = given().config(SLOW).auth().oauth2(Tokens.forUser(Tokens.EDITOR))
                .multiPart("sdn", sanctions().resolve("ofac_sdn.csv").toFile(), "text/csv")
                .multiPart("alt", sanctions().resolve("ofac_alt.csv").toFile(), "text/csv")
                .post("/api/v1/entities/imports/ofac").then().statusCode(200).extract().jsonPath();
        JsonPath un = given().config(SLOW).auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/xml")
                .body(Files.readAllBytes(sanctions().resolve("UN_consolidated.xml")))
                .post("/api/v1/entities/imports/un").then().statusCode(200).extract().jsonPath();
        System.out.printf("ofac: %s%nun: %s%n", ofac.prettify().replace('\n', ' '), un.prettify().replace('\n', ' '));
        return ofac;
    }

    @Test
    void bothListsLoadAndReloadWithoutDuplicates() throws IOException {
        long start = System.nanoTime();
        JsonPath first = importBoth();
        long firstMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        JsonPath again = importBoth();
        long againMs = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("sanctions import: %d ms, again %d ms%n", firstMs, againMs);

        assertThat(first.getInt("read")).isGreaterThan(8000);
        assertThat(again.getInt("created")).isZero();
        assertThat(again.getInt("unchanged")).isEqualTo(again.getInt("read"));

        JsonPath kh = given().auth().oauth2(Tokens.forUser(Tokens.READER)).queryParam("name", "KATA'IB HIZBALLAH")
                .queryParam("type", "ORGANIZATION").get("/api/v1/entities").then().statusCode(200).extract()
                .jsonPath();
        assertThat(kh.getList("entities.externalIds.value.flatten()")).contains("11462");
        assertThat(kh.getList("entities.find { it.primaryName == \"KATA'IB HIZBALLAH\" }.names.value", String.class))
                .hasSizeGreaterThan(5);
    }
}
