package io.dossier.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Security headers on pages and assets; the developer tools under /q keep theirs (Swagger UI needs inline code). */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class PageHeadersTest {

    @Test
    void pagesAndAssetsCarryAStrictPolicy() {
        for (String path : new String[]{"/search", "/documents/x", "/entities/x", "/css/dossier.css"}) {
            given().redirects().follow(false).get(path).then()
                    .header("Content-Security-Policy", containsString("script-src 'self'"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("object-src 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"))
                    .header("Referrer-Policy", equalTo("no-referrer"));
        }
        // the developer tools: their own policy (Swagger UI needs inline code), never framed, never sniffed
        for (String path : new String[]{"/q/openapi", "/q/swagger-ui/", "/q/health"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("object-src 'none'"))
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("X-Frame-Options", equalTo("DENY"));
        }
    }

    /** Pages carry collection content: no browser or shared cache keeps them; the style sheet may be cached. */
    @Test
    void pagesAreNotStored() {
        for (String path : new String[]{"/search", "/documents/x", "/api/v1/search"}) {
            given().redirects().follow(false).get(path).then().header("Cache-Control", equalTo("private, no-store"));
        }
        given().get("/css/dossier.css").then().statusCode(200).header("Cache-Control",
                org.hamcrest.Matchers.not(containsString("no-store")));
    }
}
