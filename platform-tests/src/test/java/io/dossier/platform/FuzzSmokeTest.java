package io.dossier.platform;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dossier.testinfra.Tokens;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Fuzzing: every operation of every service's OpenAPI document gets malformed, oversized and wrongly typed input
 * (query values, path values, bodies in the declared type and in others, bad encodings). Nothing may answer 5xx.
 * First a fixed list of hostile values, then {@code dossier.fuzz.per-operation} random requests per operation
 * (generated from a seed, so a failure can be replayed): 25 in the test run, thousands in {@code bench/fuzz}.
 */
@ExtendWith(PlatformExtension.class)
class FuzzSmokeTest {

    private static final RestAssuredConfig RAW = RestAssuredConfig.config().encoderConfig(EncoderConfig
            .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** Values that are wrong for some parameter: types, ranges, sizes, syntax, encodings. */
    static final List<String> VALUES = List.of("", " ", "-1", "0", "abc", "99999999999999999999", "1e309", "NaN",
            "true", "[]", "{}", "null", "' OR 1=1 --", "\"unbalanced", "(((", "*?~^", "../../etc/passwd",
            "%00", "\u0000", "\uFFFF", "كتائب", "x".repeat(5000), "2025-13-45", "🙂".repeat(300));

    @Test
    void malformedInputNeverGetsA5xx() throws Exception {
        List<ApiOperations.Operation> operations = ApiOperations.all();
        String admin = Tokens.forUser(Tokens.ADMIN);
        Random random = new Random(7);
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (ApiOperations.Operation op : operations) {
            List<RequestSpecification> requests = new ArrayList<>();
            // path values
            for (String v : List.of("not-a-uuid", "00000000-0000-0000-0000-000000000000", "x".repeat(300), "%2e%2e")) {
                requests.add(base(op, admin).urlEncodingEnabled(v.startsWith("%") ? false : true)
                        .basePath(op.template().replaceAll("\\{[^}]+}", v)));
            }
            String path = op.path();
            // every query parameter with every wrong value
            for (String name : op.query()) {
                for (String v : VALUES) {
                    requests.add(base(op, admin).basePath(path).queryParam(name, v));
                }
            }
            // bodies: broken JSON, wrong shapes, random bytes, invalid UTF-8, in the declared type and others
            byte[] noise = new byte[2048];
            random.nextBytes(noise);
            List<Object[]> bodies = List.of(new Object[]{"application/json", "{".getBytes(StandardCharsets.UTF_8)},
                    new Object[]{"application/json", "[1,2,3]".getBytes(StandardCharsets.UTF_8)},
                    new Object[]{"application/json", "{\"title\": 5, \"text\": [], \"name\": {}}".getBytes(
                            StandardCharsets.UTF_8)},
                    new Object[]{"application/json", new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28,
                            '"', '}'}},
                    new Object[]{"application/json", "{\"text\": \"a\", \"text\": \"b\", \"name\": \"c\", \"name\": 1}"
                            .getBytes(StandardCharsets.UTF_8)},
                    new Object[]{"application/json", noise},
                    new Object[]{"application/x-ndjson", noise},
                    new Object[]{"multipart/form-data; boundary=zz", "--zz\r\nContent-Disposition: form-data;"
                            .getBytes(StandardCharsets.UTF_8)},
                    new Object[]{"text/plain", "hello".getBytes(StandardCharsets.UTF_8)},
                    new Object[]{"application/xml", "<a><b></a>".getBytes(StandardCharsets.UTF_8)});
            if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
                for (Object[] b : bodies) {
                    requests.add(base(op, admin).basePath(path).contentType((String) b[0]).body((byte[]) b[1]));
                }
            }
            for (RequestSpecification request : requests) {
                Response answer = request.request(op.method());
                calls++;
                if (answer.statusCode() >= 500) {
                    failures.add(op.method() + " " + op.port() + op.template() + ": " + answer.statusCode() + " "
                            + answer.asString().substring(0, Math.min(200, answer.asString().length())));
                }
            }
        }
        System.out.printf("fuzz smoke: %d operations, %d requests, %d answered 5xx%n", operations.size(), calls,
                failures.size());
        assertThat(calls).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    /** quarkus.http.limits.max-initial-line-length (its default): longer request lines get a bare 414. */
    static final int MAX_REQUEST_LINE = 16384;
    static final int PER_OPERATION = Integer.getInteger("dossier.fuzz.per-operation", 25);
    static final long SEED = Long.getLong("dossier.fuzz.seed", 20261201L);
    /** Field names the APIs take, so that random bodies reach the validation behind the JSON parser. */
    private static final List<String> FIELDS = List.of("title", "text", "type", "primaryName", "names", "name",
            "script", "language", "collection", "tags", "publishedAt", "url", "publisher", "authors", "kind", "from",
            "to", "attributes", "externalIds", "citation", "sourceId", "survivorId", "q", "value", "role");
    private static final List<String> TYPES = List.of("application/json", "application/json; charset=latin1",
            "application/x-ndjson", "application/zip", "multipart/form-data; boundary=b", "text/plain",
            "application/octet-stream", "text/html", "application/json-patch+json", "");

    @Test
    void randomInputNeverGetsA5xx() throws Exception {
        List<ApiOperations.Operation> operations = ApiOperations.all();
        Random random = new Random(SEED);
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(java.time.Duration.ofSeconds(5))
                .build();
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        long started = System.nanoTime();
        int calls = 0;
        for (ApiOperations.Operation op : operations) {
            for (int i = 0; i < PER_OPERATION; i++) {
                String token = Tokens.forUser(random.nextInt(4) == 0 ? Tokens.ANALYST : Tokens.ADMIN);
                String path = op.template().replaceAll("\\{[^}]+}", random.nextInt(3) == 0
                        ? encoded(value(random))
                        : new java.util.UUID(random.nextLong(), random.nextLong()).toString());
                StringBuilder query = new StringBuilder();
                List<String> names = new ArrayList<>(op.query());
                names.add(word(random));
                for (int q = random.nextInt(4); q >= 0 && !names.isEmpty(); q--) {
                    query.append(query.isEmpty() ? "?" : "&").append(names.get(random.nextInt(names.size())))
                            .append('=').append(encoded(value(random)));
                }
                var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:"
                        + op.port() + path + query)).timeout(java.time.Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token);
                if (random.nextInt(5) == 0) {
                    // header values must be visible ASCII to be sent at all
                    request.header("If-Match", value(random).replaceAll("[^\\x21-\\x7e]", "") + "x");
                }
                boolean withBody = !op.method().equals("GET") && !op.method().equals("DELETE");
                if (withBody) {
                    String type = random.nextInt(2) == 0 && op.contentType() != null
                            ? op.contentType()
                            : TYPES.get(random.nextInt(TYPES.size()));
                    if (!type.isEmpty()) {
                        request.header("Content-Type", type);
                    }
                    request.method(op.method(), java.net.http.HttpRequest.BodyPublishers.ofByteArray(body(random)));
                } else {
                    request.method(op.method(), java.net.http.HttpRequest.BodyPublishers.noBody());
                }
                java.net.http.HttpResponse<String> answer;
                try {
                    answer = send(http, request.build());
                } catch (java.io.IOException e) {
                    if (withBody && ("http://localhost:" + op.port() + path + query).length() > MAX_REQUEST_LINE) {
                        // the HTTP layer refuses a request line over its limit with 414 and closes the
                        // connection at once, while this client is still sending the body: it reads no answer
                        statuses.merge(-414, 1, Integer::sum);
                        calls++;
                        continue;
                    }
                    // otherwise a connection closed without an answer is a failure too
                    failures.add(op.method() + " " + op.port() + path + query + ": no answer (" + e.getMessage()
                            + ")");
                    calls++;
                    continue;
                }
                calls++;
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() >= 500) {
                    failures.add(op.method() + " " + op.port() + path + query + ": " + answer.statusCode() + " "
                            + answer.body().substring(0, Math.min(200, answer.body().length())));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // -414: a request line over the HTTP layer's limit with a body, refused with 414 and the connection closed
        System.out.printf("fuzz random: %d operations x %d = %d requests in %.0f s (seed %d), statuses %s, %d 5xx%n",
                operations.size(), PER_OPERATION, calls, seconds, SEED, statuses, failures.size());
        assertThat(failures).isEmpty();
        for (int port : ApiOperations.SERVICES.values()) {
            given().baseUri("http://localhost:" + port).get("/q/health/ready").then().statusCode(200);
        }
    }

    /**
     * Sends once more when the first try got no answer at all: the HTTP layer answers a request line over its limit
     * with 414 and closes the connection, and the client may already have picked that pooled connection for the
     * next request. A request that gets no answer twice fails the run.
     */
    private static java.net.http.HttpResponse<String> send(java.net.http.HttpClient http,
            java.net.http.HttpRequest request) throws java.io.IOException, InterruptedException {
        try {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException stale) {
            return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }

    /** A value for a query or path parameter: hostile strings, numbers at the edges, random Unicode. */
    private static String value(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> VALUES.get(random.nextInt(VALUES.size()));
            case 1 -> Long.toString(random.nextLong() >> random.nextInt(64));
            case 2 -> new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            case 3 -> word(random);
            case 4 -> unicode(random, random.nextInt(random.nextInt(20) == 0 ? 20_000 : 60));
            default -> "2025-0" + random.nextInt(20) + "-" + random.nextInt(40) + "T" + random.nextInt(30) + ":00Z";
        };
    }

    private static String word(Random random) {
        return FIELDS.get(random.nextInt(FIELDS.size()));
    }

    /** Random code points from every plane, lone surrogates and controls included. */
    private static String unicode(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(5)) {
                case 0 -> out.append((char) random.nextInt(0x20));
                case 1 -> out.append((char) (0xD800 + random.nextInt(0x800)));
                case 2 -> out.appendCodePoint(0x600 + random.nextInt(0x100));
                case 3 -> out.appendCodePoint(random.nextInt(0x10FFFF));
                default -> out.append((char) ('a' + random.nextInt(26)));
            }
        }
        return out.toString();
    }

    /** Percent-encoded as UTF-8 (lone surrogates become '?'), sometimes with raw bytes that are not UTF-8 at all. */
    private static String encoded(String value) {
        String out = java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
        return value.hashCode() % 7 == 0 ? out + "%C3%28%FF%FE%ED%A0%80" : out;
    }

    /** A request body: random JSON (wrong types, deep, large, invalid UTF-8 spliced in), JSON Lines or bytes. */
    private static byte[] body(Random random) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> json(random, 0).getBytes(StandardCharsets.UTF_8);
            case 2 -> {
                StringBuilder lines = new StringBuilder();
                for (int i = random.nextInt(20); i >= 0; i--) {
                    lines.append(json(random, 0)).append(random.nextInt(10) == 0 ? "\r\n" : "\n");
                }
                yield lines.toString().getBytes(StandardCharsets.UTF_8);
            }
            case 3 -> {
                byte[] valid = json(random, 0).getBytes(StandardCharsets.UTF_8);
                int at = valid.length == 0 ? 0 : random.nextInt(valid.length);
                byte[] out = java.util.Arrays.copyOf(valid, valid.length + 3);
                System.arraycopy(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF}, 0, out, at, 3);
                System.arraycopy(valid, at, out, at + 3, valid.length - at);
                yield out;
            }
            case 4 -> "[".repeat(random.nextInt(5000)).getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] noise = new byte[random.nextInt(random.nextInt(30) == 0 ? 3_000_000 : 4096)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }

    private static String json(Random random, int depth) {
        int kind = depth > 6 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> random.nextBoolean() ? Long.toString(random.nextLong()) : "1e" + random.nextInt(400);
            case 2 -> quoted(random.nextInt(8) == 0 ? "x".repeat(random.nextInt(200_000)) : value(random));
            case 3 -> Boolean.toString(random.nextBoolean());
            case 4 -> {
                StringBuilder array = new StringBuilder("[");
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.append(json(random, depth + 1)).append(i > 1 ? "," : "");
                }
                yield array.append(']').toString();
            }
            default -> {
                StringBuilder object = new StringBuilder("{");
                for (int i = random.nextInt(8); i > 0; i--) {
                    object.append(quoted(random.nextInt(6) == 0 ? value(random) : word(random))).append(':')
                            .append(json(random, depth + 1)).append(i > 1 ? "," : "");
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String quoted(String value) {
        StringBuilder out = new StringBuilder("\"");
        value.chars().forEach(c -> {
            if (c == '"' || c == '\\') {
                out.append('\\').append((char) c);
            } else if (c < 0x20) {
                out.append(String.format("\\%c%04x", 'u', c));
            } else {
                out.append((char) c);
            }
        });
        return out.append('"').toString();
    }

    private static RequestSpecification base(ApiOperations.Operation op, String token) {
        return given().config(RAW).baseUri("http://localhost:" + op.port()).redirects().follow(false)
                .header("Authorization", "Bearer " + token);
    }
}
