package io.dossier.testinfra;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser session with the gateway, signed in through Keycloak's login page as a browser does it (the code flow:
 * the gateway's redirect, the login form, the redirect back with the code), without a browser: for tests that need
 * the session's cookies and many requests. Cookies are kept per host by hand, Secure ones included (Keycloak's, and
 * the gateway's in production, on http://localhost: browsers treat it as secure and send them; Java's cookie store
 * does not).
 */
public final class CodeFlowSession {

    /** An answer to one of {@link #concurrently}'s requests. */
    public record Answer(String path, int status, String location, String contentType, String body,
            List<String> cookies) {
    }

    private static final Pattern FORM_ACTION = Pattern
            .compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    /** host:port → cookie name → value. */
    private final Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();
    private final URI gateway;
    public final String user;

    private CodeFlowSession(URI gateway, String user) {
        this.gateway = gateway;
        this.user = user;
    }

    /**
     * Signs {@code user} (password of the dev realm) in on the gateway at {@code gateway}, starting from the page
     * {@code path} (where the session lands).
     */
    public static CodeFlowSession signIn(URI gateway, String user, String path) {
        CodeFlowSession session = new CodeFlowSession(gateway, user);
        HttpResponse<String> answer = session.get(path);
        URI location = redirect(answer, "the gateway sends a new visitor to sign in");
        answer = session.get(location);
        Matcher form = FORM_ACTION.matcher(answer.body());
        if (!form.find()) {
            throw new IllegalStateException("no login form on " + location + ": " + answer.statusCode());
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        answer = session.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + encode(user) + "&password="
                        + encode(Tokens.PASSWORD) + "&credentialId=")));
        // back to the gateway with the code; it exchanges it and sends the browser on to the page asked for
        for (int hops = 0; hops < 5 && answer.statusCode() / 100 == 3; hops++) {
            answer = session.get(redirect(answer, "after sign-in"));
        }
        // signed in when the gateway set its session cookie (the page itself may answer 403 to a user without roles)
        if (answer.statusCode() / 100 == 3 || session.cookies().keySet().stream()
                .noneMatch(n -> n.startsWith("q_session"))) {
            throw new IllegalStateException("sign-in of " + user + " ended with " + answer.statusCode());
        }
        return session;
    }

    private static URI redirect(HttpResponse<String> answer, String what) {
        String location = answer.headers().firstValue("Location").orElseThrow(
                () -> new IllegalStateException(what + ": no redirect but " + answer.statusCode() + " "
                        + answer.body()));
        return answer.uri().resolve(location);
    }

    public HttpResponse<String> get(String path) {
        return get(gateway.resolve(path));
    }

    public HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    /** A form post of a page (fields URL-encoded), as the browser sends it. */
    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON call to the API entry with the session (as the pages' scripts make it), with or without a token. */
    public HttpResponse<String> postJson(String path, String json, String csrfToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (csrfToken != null) {
            request.header("X-CSRF-Token", csrfToken);
        }
        return send(request);
    }

    /** The CSRF token a page hands its forms and scripts (its meta tag, or a form's hidden field). */
    public static String csrfToken(HttpResponse<String> page) {
        Matcher meta = CSRF_META.matcher(page.body());
        if (meta.find()) {
            return meta.group(1);
        }
        Matcher field = CSRF_FIELD.matcher(page.body());
        if (field.find()) {
            return field.group(1);
        }
        throw new IllegalStateException("no CSRF token on the page " + page.uri());
    }

    /** The gateway's cookies this session holds, by name. */
    public Map<String, String> cookies() {
        return jar.getOrDefault(gateway.getHost() + ":" + gateway.getPort(), Map.of());
    }

    /** Replaces a cookie of the gateway's (to plant another session's, or an old one). */
    public void setCookie(String name, String value) {
        jar.computeIfAbsent(gateway.getHost() + ":" + gateway.getPort(), h -> new ConcurrentHashMap<>())
                .put(name, value);
    }

    /** The gateway's cookies as the browser would send them. */
    public String cookieHeader() {
        return cookies().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /**
     * Sends these requests all at once with the same cookies, as a browser does with the page it shows and the calls
     * its scripts make, before any answer could bring a new cookie.
     */
    public List<Answer> concurrently(List<String> paths) {
        String cookie = cookieHeader();
        List<CompletableFuture<Answer>> answers = paths.stream().map(path -> {
            HttpRequest request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(60))
                    .header("Cookie", cookie)
                    .header("Accept", path.startsWith("/api/") ? "application/json" : "text/html").GET().build();
            return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> new Answer(path,
                    r.statusCode(), r.headers().firstValue("Location").orElse(null),
                    r.headers().firstValue("Content-Type").orElse(""), r.body(), r.headers().allValues("Set-Cookie")));
        }).toList();
        return answers.stream().map(CompletableFuture::join).toList();
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        URI uri = built.uri();
        Map<String, String> cookies = jar.getOrDefault(uri.getHost() + ":" + uri.getPort(), Map.of());
        HttpRequest.Builder withCookies = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        built.headers().map().forEach((k, vs) -> vs.forEach(v -> withCookies.header(k, v)));
        if (!cookies.isEmpty()) {
            withCookies.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        withCookies.method(built.method(), built.bodyPublisher().orElse(HttpRequest.BodyPublishers.noBody()));
        try {
            HttpResponse<String> answer = http.send(withCookies.build(), HttpResponse.BodyHandlers.ofString());
            keep(uri, answer);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void keep(URI uri, HttpResponse<String> answer) {
        Map<String, String> cookies = jar.computeIfAbsent(uri.getHost() + ":" + uri.getPort(),
                h -> new ConcurrentHashMap<>());
        for (String header : answer.headers().allValues("Set-Cookie")) {
            String[] parts = header.split(";");
            int eq = parts[0].indexOf('=');
            String name = parts[0].substring(0, eq).strip();
            String value = parts[0].substring(eq + 1).strip();
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].strip().split("=", 2);
                attributes.put(kv[0].toLowerCase(), kv.length > 1 ? kv[1] : "");
            }
            boolean gone = "0".equals(attributes.get("max-age")) || value.isEmpty()
                    || attributes.getOrDefault("expires", "").contains("1970");
            if (gone) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    public static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
