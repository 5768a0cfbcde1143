package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;

import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;

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
            "18080; Dossier API; "})
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
        if (port == 18080) {
            // the gateway's API description is for signed-in users in production: a browser is sent to sign in
            given().baseUri(base).redirects().follow(false).get("/q/openapi").then().statusCode(302)
                    .header("Location", startsWith(LocalStack.OIDC_URL + "/"));
            CodeFlowSession session = CodeFlowSession.signIn(URI.create(base), Tokens.READER, "/search");
            var description = session.get("/q/openapi?format=json");
            assertThat(description.statusCode()).isEqualTo(200);
            assertThat(io.restassured.path.json.JsonPath.from(description.body()).getString("info.title"))
                    .isEqualTo(title);
            assertThat(session.get("/q/swagger-ui/").statusCode()).isEqualTo(200);
            return;
        }
        given().baseUri(base).queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo(title))
                .body("paths", notNullValue());
        given().baseUri(base).get("/q/swagger-ui/").then().statusCode(200);
    }
}
