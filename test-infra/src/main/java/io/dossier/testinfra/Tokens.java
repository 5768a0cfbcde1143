package io.dossier.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Real access tokens from the local Keycloak: the demo users through the {@code dossier-cli} client (password grant,
 * dev/test realm only) and service accounts through the client-credentials grant. Cached for a minute, well inside
 * the realm's five-minute token lifespan.
 */
public final class Tokens {

    /** The demo users of deploy/keycloak/dossier-realm.json, one per role, an analyst who may also read the collection `restricted`, and one with no Dossier role. */
    public static final String READER = "reader", ANALYST = "analyst", EDITOR = "editor", ADMIN = "admin",
            INVESTIGATOR = "investigator",
            NOBODY = "nobody";
    public static final String PASSWORD = "dossier";

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    public static String forUser(String username) {
        return cached("user:" + username, Map.of("grant_type", "password", "client_id", "dossier-cli", "username",
                username, "password", PASSWORD));
    }

    public static String forClient(String clientId, String secret) {
        return cached("client:" + clientId, Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", secret));
    }

    /** The integrator's service account (role analyst). */
    public static String integrator() {
        return forClient("dossier-integrator", "dev-integrator-secret");
    }

    private static String cached(String key, Map<String, String> form) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis()) {
            return hit.token();
        }
        String token = request(form);
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + 60_000));
        return token;
    }

    private static String request(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.OIDC_URL + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " "
                        + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + LocalStack.OIDC_URL, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
