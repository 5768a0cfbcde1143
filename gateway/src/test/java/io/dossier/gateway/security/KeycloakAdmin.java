package io.dossier.gateway.security;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.dossier.testinfra.LocalStack;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The few Admin API calls these tests make on the local Keycloak (realm {@code dossier}, dev admin of the stack). */
final class KeycloakAdmin {

    static final String KEYCLOAK = LocalStack.OIDC_URL.substring(0, LocalStack.OIDC_URL.indexOf("/realms/"));
    private static final String REALM = KEYCLOAK + "/admin/realms/dossier";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private KeycloakAdmin() {
    }

    static JsonObject client(String clientId) {
        JsonArray found = new JsonArray(call("GET", REALM + "/clients?clientId=" + encode(clientId), null, 200));
        if (found.isEmpty()) {
            throw new IllegalStateException("no client " + clientId + " in the realm");
        }
        return found.getJsonObject(0);
    }

    static String clientSecret(String id) {
        return new JsonObject(call("GET", REALM + "/clients/" + id + "/client-secret", null, 200)).getString("value");
    }

    static JsonArray clients() {
        return new JsonArray(call("GET", REALM + "/clients?first=0&max=1000", null, 200));
    }

    /** Creates the client and answers its internal id. */
    static String createClient(JsonObject representation) {
        call("POST", REALM + "/clients", representation.encode(), 201);
        return client(representation.getString("clientId")).getString("id");
    }

    static void deleteClient(String id) {
        call("DELETE", REALM + "/clients/" + id, null, 204);
    }

    /** Ends one user session at Keycloak (the {@code sid} of its tokens), as an administrator or a timeout would. */
    static void endSession(String sid) {
        call("DELETE", REALM + "/sessions/" + sid, null, 204);
    }

    private static String call(String method, String url, String json, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization",
                "Bearer " + adminToken());
        if (json != null) {
            request.header("Content-Type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = send(request.build());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private static String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=kcadmin&password=kcadmin";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(KEYCLOAK
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin token refused: " + response.body());
        }
        return new JsonObject(response.body()).getString("access_token");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + KEYCLOAK, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
