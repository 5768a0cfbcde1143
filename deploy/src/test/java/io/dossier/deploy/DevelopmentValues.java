package io.dossier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of the development realm and the local stack must never reach a deployment: demo users, the test clients,
 * redirects to the developer's machine, and the secrets this repository publishes. Shared by the checks of the
 * Kubernetes renders, the compose file and the production realm.
 */
final class DevelopmentValues {

    /** Clients of the tests and scripts. */
    static final Set<String> TEST_CLIENTS = Set.of("dossier-cli", "dossier-cli-short", "dossier-cli-no-audience");
    /** Not in the production realm either: each integrator gets a client of its own there. */
    static final Set<String> DEV_ONLY_CLIENTS = Set.of("dossier-cli", "dossier-cli-short", "dossier-cli-no-audience",
            "dossier-integrator");
    /** Published in this repository: the dev realm's client secrets and the dev session key, and the opt-out. */
    static final List<String> DEVELOPMENT_STRINGS = List.of("dev-gateway-secret", "dev-search-service-secret",
            "dev-integrator-secret", "dev-only-session-encryption-secret", "DOSSIER_ALLOW_DEVELOPMENT_SECRETS",
            "allow-development-secrets");
    /** The dev stack's password, refused as the value of anything that holds a secret. */
    static final String DEVELOPMENT_PASSWORD = "dossier";
    private static final Pattern DEVELOPER_MACHINE = Pattern.compile("localhost|127\\.0\\.0\\.1|:18080");
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|secret|credential).*");
    /** A whole value that is one placeholder, {@code ${NAME}}, replaced from the environment at import. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private DevelopmentValues() {
    }

    /**
     * A realm fit for production: only service accounts as users, none with credentials; no test client; no
     * redirect to a developer's machine; every client secret a placeholder. Returns the placeholders it uses.
     */
    @SuppressWarnings("unchecked")
    static Set<String> assertProductionRealm(Map<String, Object> realm, String where) {
        for (Map<String, Object> user : (List<Map<String, Object>>) realm.getOrDefault("users", List.of())) {
            assertThat(user).as("%s: user %s is a service account, not a demo user", where, user.get("username"))
                    .containsKey("serviceAccountClientId").doesNotContainKey("credentials");
        }
        Set<String> placeholders = new TreeSet<>();
        for (Map<String, Object> client : (List<Map<String, Object>>) realm.get("clients")) {
            Object id = client.get("clientId");
            assertThat(TEST_CLIENTS).as("%s: a test client", where).doesNotContain((String) id);
            List<String> uris = new ArrayList<>((List<String>) client.getOrDefault("redirectUris", List.of()));
            Map<String, String> attributes = (Map<String, String>) client.getOrDefault("attributes", Map.of());
            if (attributes.containsKey("post.logout.redirect.uris")) {
                uris.addAll(List.of(attributes.get("post.logout.redirect.uris").split("##")));
            }
            for (String uri : uris) {
                assertThat(uri).as("%s: redirect of %s", where, id).doesNotContainPattern(DEVELOPER_MACHINE);
                Matcher m = PLACEHOLDER.matcher(uri);
                while (m.find()) {
                    placeholders.add(m.group(1));
                }
            }
            if (client.containsKey("secret")) {
                Matcher m = PLACEHOLDER.matcher(String.valueOf(client.get("secret")));
                assertThat(m.matches()).as("%s: the secret of %s is a placeholder, never a value", where, id).isTrue();
                placeholders.add(m.group(1));
            }
        }
        return placeholders;
    }

    /** No development string anywhere in {@code text}; no secret-holding key of {@code tree} set to a dev value. */
    static void assertNoDevelopmentValue(String text, Object tree, String where) {
        for (String value : DEVELOPMENT_STRINGS) {
            assertThat(text).as("%s contains the development value %s", where, value).doesNotContain(value);
        }
        assertNoSecretWithDevelopmentValue(tree, "", where);
    }

    @SuppressWarnings("unchecked")
    private static void assertNoSecretWithDevelopmentValue(Object node, String path, String where) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                String key = path + "/" + e.getKey();
                if (e.getValue() instanceof String s && SECRET_KEY.matcher(e.getKey()).matches()) {
                    assertThat(s).as("%s: %s", where, key).isNotEqualTo(DEVELOPMENT_PASSWORD);
                }
                assertNoSecretWithDevelopmentValue(e.getValue(), key, where);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                Object item = list.get(i);
                // env entries and realm credentials: {name|type: ..., value: ...}
                if (item instanceof Map<?, ?> entry && entry.get("value") instanceof String v && SECRET_KEY.matcher(
                        String.valueOf(entry.get("name")) + String.valueOf(entry.get("type"))).matches()) {
                    assertThat(v).as("%s: %s[%d]", where, path, i).isNotEqualTo(DEVELOPMENT_PASSWORD);
                }
                assertNoSecretWithDevelopmentValue(item, path + "[" + i + "]", where);
            }
        }
    }
}
