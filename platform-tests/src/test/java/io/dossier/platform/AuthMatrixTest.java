package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.testinfra.LocalStack;
import io.dossier.testinfra.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of every service's OpenAPI document, called directly and through the gateway with credentials
 * that must not open it: none, an expired token, a token for another audience, a tampered signature, an unsigned
 * token ({@code alg: none}), and a valid token without any Dossier role. Each gets 401 (403 for the roleless one);
 * never a 2xx, never a 5xx.
 */
@ExtendWith(PlatformExtension.class)
class AuthMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static String password(String client, String user) {
        return given().baseUri(LocalStack.KEYCLOAK).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "password").formParam("client_id", client).formParam("username", user)
                .formParam("password", Tokens.PASSWORD).post("/realms/dossier/protocol/openid-connect/token").then()
                .statusCode(200).extract().path("access_token");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The bad credentials, by name, each with the status it must get. */
    static Map<String, Object[]> credentials() throws Exception {
        String good = password("dossier-cli", Tokens.ADMIN);
        String[] parts = good.split("\\.");
        Map<String, Object[]> out = new LinkedHashMap<>();
        out.put("no token", new Object[]{null, 401});
        // an admin's token from a client whose tokens live 2 s: used once it has expired
        String expiring = password("dossier-cli-short", Tokens.ADMIN);
        long exp = JSON.readTree(Base64.getUrlDecoder().decode(expiring.split("\\.")[1])).get("exp").asLong();
        await("the short-lived token expires").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Instant.now().getEpochSecond() > exp + 1);
        out.put("expired", new Object[]{expiring, 401});
        out.put("wrong audience", new Object[]{password("dossier-cli-no-audience", Tokens.ADMIN), 401});
        char last = parts[2].charAt(parts[2].length() - 5);
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 5)
                + (last == 'A' ? 'B' : 'A') + parts[2].substring(parts[2].length() - 4);
        out.put("tampered signature", new Object[]{tampered, 401});
        out.put("alg none", new Object[]{b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + ".", 401});
        // a forged payload (an added role) under the original signature
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        ((com.fasterxml.jackson.databind.node.ObjectNode) claims).put("preferred_username", "mallory");
        out.put("altered claims", new Object[]{parts[0] + "." + b64(claims.toString()) + "." + parts[2], 401});
        out.put("no Dossier role", new Object[]{Tokens.forUser(Tokens.NOBODY), 403});
        return out;
    }

    @Test
    void everyOperationRefusesEveryBadCredential() throws Exception {
        List<ApiOperations.Operation> operations = ApiOperations.all();
        assertThat(operations).hasSizeGreaterThan(25);
        Map<String, Object[]> credentials = credentials();
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (ApiOperations.Operation op : operations) {
            String path = op.path();
            for (String base : List.of("http://localhost:" + op.port(), Platform.GATEWAY)) {
                for (Map.Entry<String, Object[]> c : credentials.entrySet()) {
                    RequestSpecification request = given().config(io.restassured.config.RestAssuredConfig.config()
                            .encoderConfig(io.restassured.config.EncoderConfig.encoderConfig()
                                    .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                            .baseUri(base).redirects().follow(false);
                    if (c.getValue()[0] != null) {
                        request.header("Authorization", "Bearer " + c.getValue()[0]);
                    }
                    if (op.contentType() != null) {
                        request.contentType(op.contentType()).body((op.contentType().contains("json") ? "{}" : "x")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                    Response answer = request.request(op.method(), path);
                    calls++;
                    int expected = (Integer) c.getValue()[1];
                    if (answer.statusCode() != expected) {
                        wrong.add(op.method() + " " + base + path + " with " + c.getKey() + ": "
                                + answer.statusCode() + " (expected " + expected + ")");
                    }
                }
            }
        }
        System.out.printf("auth matrix: %d operations x 2 entries (service, gateway) x %d credentials = %d calls,"
                + " %d wrong%n", operations.size(), credentials.size(), calls, wrong.size());
        assertThat(wrong).isEmpty();
    }
}
