package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;

/**
 * The trace of a request goes through the gateway to the service behind it: a problem the sources service answers,
 * through the gateway, names the trace the client started.
 */
@ExtendWith(PlatformExtension.class)
class TraceIdTest {

    @Test
    void theTraceGoesThroughTheGatewayToTheService() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        for (String path : new String[]{"/api/v1/sources/" + UUID.randomUUID(), "/api/v1/entities/"
                + UUID.randomUUID(), "/api/v1/search/documents/" + UUID.randomUUID()}) {
            given().baseUri(Platform.GATEWAY).auth().oauth2(Tokens.forUser(Tokens.READER))
                    .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01").get(path).then().statusCode(404)
                    .contentType("application/problem+json").body("traceId", equalTo(trace));
        }
    }
}
