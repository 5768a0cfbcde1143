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
 * A short fuzzing run, as part of the tests: every operation of every service's OpenAPI document gets malformed,
 * oversized and wrongly typed input (query values, path values, bodies in the declared type and in others, bad
 * encodings) from a caller with every role. Nothing may answer 5xx. (A long run is issue 8's own command.)
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

    private static RequestSpecification base(ApiOperations.Operation op, String token) {
        return given().config(RAW).baseUri("http://localhost:" + op.port()).redirects().follow(false)
                .header("Authorization", "Bearer " + token);
    }
}
