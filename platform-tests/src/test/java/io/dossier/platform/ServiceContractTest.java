package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What every packaged service promises: readiness that checks its own dependencies, a startup check that the
 * identity provider answered (not a readiness one: tokens already issued keep working while it is away), and an
 * OpenAPI document.
 */
@ExtendWith(PlatformExtension.class)
class ServiceContractTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "18081; Dossier sources service; Database connections health check",
            "18082; Dossier entities service; Database connections health check",
            "18083; Dossier search service; Elasticsearch cluster health check",
            "18080; Dossier gateway; "})
    void readinessChecksItsDependenciesAndOpenApiDescribesIt(int port, String title, String checks) {
        String base = "http://localhost:" + port;
        var ready = given().baseUri(base).get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
        if (checks != null) {
            ready.body("checks.name", hasItems(checks.split(",")));
        }
        given().baseUri(base).get("/q/health/started")
                .then().statusCode(200)
                .body("checks.name", hasItems("Identity provider"));
        given().baseUri(base).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(title))
                .body("paths", notNullValue());
        given().baseUri(base).get("/q/swagger-ui/").then().statusCode(200);
    }
}
