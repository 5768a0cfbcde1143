package io.dossier.gateway.security;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.dossier.testinfra.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stands in for the search and entities services, which these tests do not start: it answers the few calls the pages
 * and the API make, and only to a caller whose relayed token Keycloak's userinfo endpoint accepts (401 otherwise),
 * so a page or an API answer that shows the user proves the gateway relayed a live token. Its search results are
 * empty and its one entity is named after the requested id.
 */
public class TokenCheckingServices implements QuarkusTestResourceLifecycleManager {

    private static final Pattern ENTITY = Pattern.compile("/api/v1/entities/([^/]+)");
    private static final Pattern CO_MENTIONED = Pattern.compile("/api/v1/search/entities/([^/]+)/co-mentioned");
    private final HttpClient keycloak = HttpClient.newHttpClient();
    private HttpServer server;
    private ExecutorService threads;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("localhost", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        threads = Executors.newFixedThreadPool(16);
        server.setExecutor(threads);
        server.createContext("/", this::answer);
        server.start();
        String url = "http://localhost:" + server.getAddress().getPort();
        Map<String, String> routes = new HashMap<>();
        for (String segment : new String[]{"search", "entities", "relations"}) {
            routes.put("dossier.gateway.routes." + segment, url);
            routes.put("%test.dossier.gateway.routes." + segment, url);
        }
        return routes;
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String user = userOf(exchange.getRequestHeaders().getFirst("Authorization"));
            if (user == null) {
                send(exchange, 401, new JsonObject().put("status", 401).put("title", "Unauthorized").encode());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            Matcher entity = ENTITY.matcher(path);
            Matcher coMentioned = CO_MENTIONED.matcher(path);
            String body;
            if (path.equals("/api/v1/search")) {
                body = new JsonObject().put("total", 0).put("hits", new JsonArray()).put("expansions", new JsonArray())
                        .encode();
            } else if (path.equals("/api/v1/search/documents")) {
                body = new JsonObject().put("total", 0).put("hits", new JsonArray()).put("user", user).encode();
            } else if (coMentioned.matches()) {
                body = new JsonObject().put("entityId", coMentioned.group(1)).put("documents", 0)
                        .put("coMentioned", new JsonArray()).encode();
            } else if (entity.matches()) {
                body = new JsonObject().put("id", entity.group(1)).put("type", "PERSON")
                        .put("primaryName", "Entity " + entity.group(1)).put("names", new JsonArray())
                        .put("attributes", new JsonObject()).put("externalIds", new JsonArray())
                        .put("tags", new JsonArray()).put("version", 1).encode();
            } else if (path.equals("/api/v1/relations")) {
                body = new JsonArray().encode();
            } else {
                send(exchange, 404, new JsonObject().put("status", 404).encode());
                return;
            }
            send(exchange, 200, body);
        }
    }

    /** Who Keycloak says the bearer token belongs to, or null when it does not accept the token. */
    private String userOf(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(LocalStack.OIDC_URL
                + "/protocol/openid-connect/userinfo")).header("Authorization", authorization).GET().build();
        try {
            HttpResponse<String> answer = keycloak.send(request, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 ? new JsonObject(answer.body()).getString("preferred_username") : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
            threads.shutdownNow();
        }
    }
}
