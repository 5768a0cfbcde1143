package io.dossier.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

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
        given().get("/q/openapi").then().statusCode(200).header("Content-Security-Policy", nullValue());
    }
}
