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
        // the FtM import takes it (blank lines: nothing to import, a 400 once read)
        byte[] lines = new byte[11 << 20];
        java.util.Arrays.fill(lines, (byte) '\n');
        given().auth().oauth2(Tokens.forUser(Tokens.EDITOR)).contentType("application/x-ndjson").body(lines)
                .post("/api/v1/entities/ftm/imports").then().statusCode(413).contentType("application/problem+json")
                .body("detail", containsString("1000 lines"));
    }
}
