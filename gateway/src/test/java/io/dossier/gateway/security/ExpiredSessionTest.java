package io.dossier.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.dossier.testinfra.CodeFlowSession;
import io.dossier.testinfra.LocalStackResource;
import io.dossier.testinfra.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;

/**
 * Security finding 7 of issue 15: a browser session whose access token has expired sends many requests at once (a
 * page, its scripts' calls, other tabs). The session is refreshed once, and every request either succeeds with the
 * refreshed tokens or, when the session cannot be refreshed, is sent to sign in again; none fails with a 5xx.
 * <p>
 * Real Keycloak, real code flow; the gateway's client is a copy of the realm's whose tokens live
 * {@value ShortTokensClient#LIFESPAN_SECONDS} s ({@link ShortTokensClient}); the services the pages call are stood in
 * by {@link TokenCheckingServices}, which answers only to tokens Keycloak accepts.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(ShortTokensClient.class)
@WithTestResource(TokenCheckingServices.class)
class ExpiredSessionTest {

    private static final int CONCURRENT = 20;

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    TokenEndpointCalls tokenEndpoint;

    @Test
    void concurrentRequestsOfAnExpiredSessionRefreshItOnceAndAllSucceed() {
        CodeFlowSession browser = CodeFlowSession.signIn(gateway, Tokens.ADMIN, "/search");
        String entity = UUID.randomUUID().toString();
        awaitExpiryOf(tokenEndpoint.lastSignIn());
        int refreshesBefore = tokenEndpoint.refreshes().size();

        List<CodeFlowSession.Answer> answers = browser.concurrently(mix(entity));

        assertThat(answers).hasSize(CONCURRENT).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.path() + " answered " + answer.body()).isEqualTo(200);
            if (answer.path().startsWith("/api/")) {
                // relayed to the stand-in, which answers only when Keycloak accepts the token it was given
                assertThat(new JsonObject(answer.body()).getString("user")).isEqualTo(Tokens.ADMIN);
            } else {
                assertThat(answer.body()).contains("<strong id=\"user\">" + Tokens.ADMIN + "</strong>");
            }
        });
        assertThat(answers).filteredOn(a -> a.path().startsWith("/search"))
                .allSatisfy(a -> assertThat(a.body()).contains("0 sources").doesNotContain("unavailable"));
        assertThat(answers).filteredOn(a -> a.path().startsWith("/entities/"))
                .allSatisfy(a -> assertThat(a.body()).contains("Entity " + entity));
        assertThat(answers).filteredOn(a -> a.path().equals("/admin"))
                .allSatisfy(a -> assertThat(a.body()).contains("Users and access").contains("data-user=\"reader\""));
        assertThat(answers).filteredOn(a -> a.path().equals("/upload"))
                .allSatisfy(a -> assertThat(a.body()).contains("Upload sources"));

        List<TokenEndpointCalls.Call> refreshes = tokenEndpoint.refreshes().subList(refreshesBefore,
                tokenEndpoint.refreshes().size());
        assertThat(refreshes).as("refresh grants sent to Keycloak").hasSize(1);
        assertThat(refreshes.get(0).status()).isEqualTo(200);
        assertThat(answers).as("answers that renew the session cookie")
                .filteredOn(
                        a -> a.cookies().stream().anyMatch(c -> c.startsWith("q_session") && !c.contains("Max-Age=0")))
                .hasSize(1);
    }

    @Test
    void concurrentRequestsOfASessionKeycloakEndedAreSentToSignIn() {
        CodeFlowSession browser = CodeFlowSession.signIn(gateway, Tokens.EDITOR, "/search");
        JsonObject signIn = tokenEndpoint.lastSignIn();
        KeycloakAdmin.endSession(signIn.getString("sid"));
        awaitExpiryOf(signIn);
        int refreshesBefore = tokenEndpoint.refreshes().size();

        List<CodeFlowSession.Answer> answers = browser.concurrently(mix(UUID.randomUUID().toString()));

        assertThat(answers).hasSize(CONCURRENT).allSatisfy(answer -> {
            if (answer.path().startsWith("/api/")) {
                assertThat(answer.status()).as(answer.path() + " answered " + answer.body()).isEqualTo(401);
                assertThat(answer.contentType()).startsWith("application/problem+json");
                assertThat(new JsonObject(answer.body()).getString("detail")).contains("sign in again");
            } else {
                assertThat(answer.status()).as(answer.path() + " answered " + answer.body()).isEqualTo(302);
                assertThat(answer.location()).startsWith(KeycloakAdmin.KEYCLOAK
                        + "/realms/dossier/protocol/openid-connect/auth?");
            }
            assertThat(answer.cookies()).as("the ended session's cookie is removed")
                    .anyMatch(c -> c.startsWith("q_session") && c.contains("Max-Age=0"));
        });
        List<TokenEndpointCalls.Call> refreshes = tokenEndpoint.refreshes().subList(refreshesBefore,
                tokenEndpoint.refreshes().size());
        assertThat(refreshes).as("refresh grants sent to Keycloak").hasSize(1);
        assertThat(refreshes.get(0).status()).isEqualTo(400);
    }

    /** Pages and API calls of one session, as a browser sends them together: 20 in all. */
    private static List<String> mix(String entity) {
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < CONCURRENT / 5; i++) {
            paths.addAll(List.of("/search?q=x", "/entities/" + entity, "/upload", "/admin",
                    "/api/v1/search/documents?q=x"));
        }
        return paths;
    }

    /** Until the tokens of that sign-in have expired (Keycloak gives the access and the ID token one lifespan). */
    private static void awaitExpiryOf(JsonObject idToken) {
        long exp = idToken.getLong("exp");
        await().atMost(Duration.ofSeconds(ShortTokensClient.LIFESPAN_SECONDS + 10))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> System.currentTimeMillis() / 1000 > exp);
    }
}
