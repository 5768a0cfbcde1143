package io.dossier.gateway.security;

import java.util.Map;
import java.util.UUID;

import io.dossier.testinfra.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A copy of the realm's {@code gateway} client whose tokens live {@value #LIFESPAN_SECONDS} s, for this test's gateway
 * only (the shared {@code gateway} client is left alone): created before the gateway starts, deleted after.
 */
public class ShortTokensClient implements QuarkusTestResourceLifecycleManager {

    static final int LIFESPAN_SECONDS = 10;
    private static final String PREFIX = "gateway-short-tokens-test-";

    private String id;

    @Override
    public Map<String, String> start() {
        LocalStack.ensureRunning();
        // a run that died before stop() leaves its client behind (named with its creation time; a run going on
        // beside this one keeps its own)
        long now = System.currentTimeMillis() / 1000;
        KeycloakAdmin.clients().stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("clientId").startsWith(PREFIX)
                        && createdAt(c.getString("clientId")) < now - 3600)
                .forEach(c -> KeycloakAdmin.deleteClient(c.getString("id")));
        JsonObject gateway = KeycloakAdmin.client("gateway");
        String gatewaySecret = KeycloakAdmin.clientSecret(gateway.getString("id"));
        String clientId = PREFIX + now + "-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = UUID.randomUUID().toString();
        JsonObject attributes = gateway.getJsonObject("attributes", new JsonObject()).copy()
                .put("access.token.lifespan", String.valueOf(LIFESPAN_SECONDS));
        JsonArray mappers = new JsonArray();
        gateway.getJsonArray("protocolMappers", new JsonArray()).stream().map(JsonObject.class::cast)
                .forEach(m -> {
                    JsonObject mapper = m.copy();
                    mapper.remove("id");
                    mappers.add(mapper);
                });
        JsonObject client = new JsonObject()
                .put("clientId", clientId)
                .put("name", "Gateway tests: tokens that expire after " + LIFESPAN_SECONDS + " s")
                .put("enabled", true)
                .put("publicClient", false)
                .put("secret", secret)
                .put("clientAuthenticatorType", "client-secret")
                .put("standardFlowEnabled", true)
                .put("directAccessGrantsEnabled", false)
                .put("serviceAccountsEnabled", false)
                // the test's gateway listens on a random port
                .put("redirectUris", new JsonArray().add("http://localhost:*"))
                .put("attributes", attributes)
                .put("protocolMappers", mappers);
        id = KeycloakAdmin.createClient(client);
        return Map.of("quarkus.oidc.client-id", clientId,
                "quarkus.oidc.credentials.secret", secret,
                // the admin page keeps using the gateway client's service account
                "quarkus.keycloak.admin-client.client-secret", gatewaySecret);
    }

    private static long createdAt(String clientId) {
        try {
            return Long.parseLong(clientId.substring(PREFIX.length()).split("-")[0]);
        } catch (RuntimeException e) {
            return 0;
        }
    }

    @Override
    public void stop() {
        if (id != null) {
            KeycloakAdmin.deleteClient(id);
        }
    }
}
