package io.dossier.common.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class DevelopmentSecretsTest {

    private static final String STRONG = "q3J8vKx0Wm5tZr2Yp7Lc9Nd4Hf6Gb1Sa";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // property | value | refused because
            "quarkus.oidc.credentials.secret                    | dev-gateway-secret                             | development value",
            "quarkus.keycloak.admin-client.client-secret        | dev-gateway-secret                             | development value",
            "quarkus.oidc-client.credentials.secret             | dev-search-service-secret                      | development value",
            "quarkus.oidc-client.credentials.secret             | dev-integrator-secret                          | development value",
            "quarkus.oidc.token-state-manager.encryption-secret | dev-only-session-encryption-secret-0123456789  | development value",
            "quarkus.oidc.authentication.state-secret           | dev-only-session-encryption-secret-0123456789  | development value",
            "quarkus.datasource.password                        | dossier                                        | development value",
            "quarkus.datasource.password                        | CHANGE-me-db-password                          | starts with CHANGE-",
            "quarkus.oidc.credentials.secret                    | CHANGE-me-gateway-client-secret                | starts with CHANGE-",
            "quarkus.oidc.token-state-manager.encryption-secret | CHANGE-me-at-least-32-random-characters        | starts with CHANGE-",
            "quarkus.oidc.token-state-manager.encryption-secret | change-me-at-least-32-random-characters-too    | starts with CHANGE-",
            "quarkus.oidc.token-state-manager.encryption-secret | 0123456789abcdef0123456789abcde                | has 31 characters",
            "quarkus.oidc.authentication.state-secret           | short                                          | has 5 characters",
            // accepted: a value of one's own; the length rule is for session keys only
            "quarkus.oidc.token-state-manager.encryption-secret | 0123456789abcdef0123456789abcdef               | ",
            "quarkus.oidc.token-state-manager.encryption-secret | platform-test-session-encryption-secret-0123   | ",
            "quarkus.datasource.password                        | s3cret-db-pw                                   | ",
            "quarkus.oidc.credentials.secret                    | dev-gateway-secret-rotated-2026                | ",
            "quarkus.oidc-client.credentials.secret             | Dossier                                        | ",
            "quarkus.elasticsearch.password                     | eck-generated-password                         | "})
    void decidesEachValue(String property, String value, String refusedBecause) {
        var findings = DevelopmentSecrets.findings(Map.of(property, value));
        if (refusedBecause == null) {
            assertThat(findings).as("%s = %s", property, value).isEmpty();
        } else {
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.secret().property()).isEqualTo(property);
                assertThat(f.problem()).contains(refusedBecause);
            });
        }
    }

    @Test
    void namesThePropertyAndTheVariableToSetAndNeverAShortKeysValue() {
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("quarkus.oidc.credentials.secret", "dev-gateway-secret");
        gateway.put("quarkus.oidc.token-state-manager.encryption-secret", "tiny-but-real-key");
        gateway.put("quarkus.http.port", "dossier"); // not a secret: never looked at
        var findings = DevelopmentSecrets.findings(gateway);
        assertThat(findings).extracting(Object::toString).containsExactly(
                "quarkus.oidc.credentials.secret (from DOSSIER_GATEWAY_CLIENT_SECRET) is the development value "
                        + "\"dev-gateway-secret\"",
                "quarkus.oidc.token-state-manager.encryption-secret (from DOSSIER_SESSION_SECRET) has 17 characters; "
                        + "a session key needs at least 32");
        assertThat(findings.toString()).doesNotContain("tiny-but-real-key");
    }

    @Test
    void aServiceWithOwnSecretsOrNoneHasNoFinding() {
        assertThat(DevelopmentSecrets.findings(Map.of())).isEmpty();
        assertThat(DevelopmentSecrets.findings(Map.of("quarkus.oidc.credentials.secret", STRONG,
                "quarkus.oidc.token-state-manager.encryption-secret", STRONG, "quarkus.datasource.password",
                STRONG))).isEmpty();
    }

    @Test
    void everyDevelopmentValueTheRepositoryPublishesIsKnown() throws Exception {
        Path root = Files.exists(Path.of("deploy")) ? Path.of("") : Path.of("..");
        JsonNode realm = new ObjectMapper().readTree(root.resolve("deploy/keycloak/dossier-realm.json").toFile());
        Set<String> published = new TreeSet<>();
        realm.get("clients").forEach(c -> {
            if (c.has("secret")) {
                published.add(c.get("secret").asText());
            }
        });
        Matcher m = Pattern.compile("(?m)(?:DOSSIER_SESSION_SECRET|DB_PASSWORD)=([^$\\s]\\S*)$")
                .matcher(Files.readString(root
                        .resolve("deploy/local/dossier")));
        while (m.find()) {
            published.add(m.group(1));
        }
        assertThat(published).hasSizeGreaterThanOrEqualTo(5);
        assertThat(DevelopmentSecrets.DEVELOPMENT_VALUES).containsAll(published);
    }
}
