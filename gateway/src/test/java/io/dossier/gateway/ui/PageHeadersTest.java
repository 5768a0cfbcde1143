package io.dossier.gateway.ui;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.LocalStackResource;
import io.quarkiverse.web.bundler.runtime.Bundle;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Security headers on pages and assets; the developer tools under /q keep theirs (Swagger UI needs inline code). */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class PageHeadersTest {

    @Inject
    Bundle bundle;

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

    /**
     * Scripts and the style sheet go out compressed; the graph's library is a bundle of its own (only the pages with a
     * graph load it); HTML is never compressed (a page holds the CSRF token beside text the user typed: BREACH); the
     * Arabic font ships with the gateway.
     */
    @Test
    void assetsAreCompressedAndPagesAreNot() {
        String app = bundle.script("app");
        String graph = bundle.script("graph");
        org.assertj.core.api.Assertions.assertThat(app).isNotEqualTo(graph);
        for (String path : new String[]{app, graph, "/css/dossier.css"}) {
            given().header("Accept-Encoding", "gzip").get(path).then().statusCode(200)
                    .header("Content-Encoding", equalTo("gzip"));
        }
        // the script every page loads stays small: the chart library is not in it
        org.assertj.core.api.Assertions.assertThat(given().get(app).then().statusCode(200).extract().asByteArray())
                .hasSizeLessThan(100_000);
        given().header("Accept-Encoding", "gzip").get("/no-such-page").then()
                .contentType(containsString("text/html")).header("Content-Encoding", org.hamcrest.Matchers.nullValue());
        given().get("/fonts/noto-naskh-arabic-400.woff2").then().statusCode(200).contentType("font/woff2");
        given().get("/fonts/OFL-noto-naskh-arabic.txt").then().statusCode(200)
                .body(containsString("SIL Open Font License"));
    }
}
