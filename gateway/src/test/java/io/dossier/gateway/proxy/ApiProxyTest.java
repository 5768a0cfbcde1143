package io.dossier.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The gateway on its own, with every service down (the full path is in platform-tests). */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ApiProxyTest {

    @Test
    void apiWithoutTokenIsUnauthorizedNotARedirect() {
        // a problem like every other error of the API, with the challenge
        given().redirects().follow(false).get("/api/v1/search?q=x")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401)).body("instance", equalTo("/api/v1/search"));
        given().redirects().follow(false).header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/search?q=x")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer");
        given().redirects().follow(false).auth().oauth2("forged.token.value").get("/api/v1/search?q=x")
                .then().statusCode(401).contentType("application/problem+json").header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void serviceDownIsA503Problem() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/search?q=x")
                .then().statusCode(503).contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("detail", containsString("search service is unavailable"));
        given().auth().oauth2(Tokens.integrator()).contentType("application/json").body("{}")
                .post("/api/v1/sources")
                .then().statusCode(503).contentType("application/problem+json");
    }

    @Test
    void unknownApiIsA404Problem() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).get("/api/v1/nothing-here/1")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("No API at /api/v1/nothing-here"));
    }

    @Test
    void dotSegmentsAreRefused() {
        given().auth().oauth2(Tokens.forUser(Tokens.READER)).urlEncodingEnabled(false)
                .get("/api/v1/search/%2e%2e/admin")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void pagesRedirectToTheLoginPage() {
        given().redirects().follow(false).get("/search")
                .then().statusCode(302)
                .header("Location", startsWith(LocalStack.OIDC_URL + "/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=gateway"))
                .header("Location", containsString("code_challenge="));
    }

    @Test
    void healthAndOpenApiAreOpen() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        // the merged document of the services' APIs, with this installation's address; not the proxy's own operations
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Dossier API"))
                .body("servers[0].url", equalTo("http://localhost:8080"))
                .body("components.securitySchemes.clientCredentials.flows.clientCredentials.tokenUrl",
                        equalTo(LocalStack.OIDC_URL + "/protocol/openid-connect/token"))
                .body("paths.'/api/v1/sources'.post.operationId", equalTo("createSource"))
                .body("paths", not(hasKey("/api/v1/{path}")));
    }
}
