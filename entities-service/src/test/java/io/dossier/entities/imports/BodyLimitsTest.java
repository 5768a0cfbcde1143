package io.dossier.entities.imports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Only the FtM import takes bodies of gigabytes; every other endpoint is refused over its own limit, as a problem. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class BodyLimitsTest {

    @Test
    void aBodyOverTheLimitOfItsEndpointIsRefusedBeforeItIsRead() {
        byte[] eleven = new byte[11 << 20];
        java.util.Arrays.fill(eleven, (byte) ' ');
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/json").body(eleven)
                .post("/api/v1/entities").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString(String.valueOf(BodyLimits.OTHERS)));
        // the FtM import takes it in (and refuses it only once it has counted more lines than the limit, 1,000 in
        // the test profile)
        byte[] lines = new byte[11 << 20];
        java.util.Arrays.fill(lines, (byte) '\n');
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson").body(lines)
                .post("/api/v1/entities/ftm/imports").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("1000 lines"));
    }

    @Test
    void aBodyWithoutItsLengthIsRefusedWhereOnlyTheLengthCanBeCheckedFirst() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(
                java.net.http.HttpClient.Version.HTTP_1_1).build();
        java.net.URI uri = java.net.URI
                .create(io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port
                        + "/api/v1/entities");
        // a body from a stream of unknown length goes chunked
        java.net.http.HttpResponse<String> answer = client.send(java.net.http.HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + Tokens.forUser(Tokens.EDITOR))
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        "{\"type\":\"PERSON\",\"primaryName\":\"Chunked\"}".getBytes())))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        org.assertj.core.api.Assertions.assertThat(answer.statusCode()).isEqualTo(411);
        org.assertj.core.api.Assertions.assertThat(answer.headers().firstValue("Content-Type")).hasValue(
                "application/problem+json");
    }
}
