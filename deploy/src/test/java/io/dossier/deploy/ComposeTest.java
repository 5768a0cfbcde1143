package io.dossier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** deploy/compose/compose.yml read as Docker Compose would, without a Docker engine. */
class ComposeTest {

    static final Path COMPOSE = Repository.root().resolve("deploy/compose");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws Exception {
        return new ObjectMapper(new YAMLFactory()).readValue(COMPOSE.resolve("compose.yml").toFile(), Map.class);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStackStartsInOrderOnceWhatEachNeedsIsHealthy() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        assertThat(services).containsKeys("postgres", "elasticsearch", "keycloak");
        assertThat(services).containsKeys(Repository.SERVICES.toArray(String[]::new));
        assertThat((String) services.get("elasticsearch").get("image"))
                .startsWith("docker.elastic.co/elasticsearch/elasticsearch:");
        assertThat((List<String>) services.get("keycloak").get("command")).contains("--import-realm");
        for (Map.Entry<String, Map<String, Object>> e : services.entrySet()) {
            Map<String, Object> s = e.getValue();
            boolean ours = Repository.SERVICES.contains(e.getKey());
            // ours have the HEALTHCHECK of their image; the servers declare one here
            if (ours) {
                Map<String, Object> build = (Map<String, Object>) s.get("build");
                Path dockerfile = COMPOSE.resolve((String) build.get("context")).resolve((String) build.get(
                        "dockerfile")).normalize();
                assertThat(dockerfile).as("Dockerfile of %s", e.getKey()).exists();
                assertThat(Repository.read(dockerfile)).contains("HEALTHCHECK");
            } else {
                assertThat(s).as("health check of %s", e.getKey()).containsKey("healthcheck");
            }
            Map<String, Map<String, String>> dependsOn = (Map<String, Map<String, String>>) s.get("depends_on");
            if (dependsOn != null) {
                dependsOn.forEach((on, how) -> {
                    assertThat(services).containsKey(on);
                    assertThat(how.get("condition")).as("%s waits for %s", e.getKey(), on)
                            .isEqualTo("service_healthy");
                });
            }
        }
        assertThat(((Map<String, Object>) services.get("search-service").get("depends_on")).keySet())
                .contains("elasticsearch", "keycloak", "sources-service", "entities-service");
        assertThat((Map<String, Object>) compose().get("volumes")).containsKeys("postgres-data",
                "elasticsearch-data", "sources-imports");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyServiceGetsWhatItsProductionConfigurationReads() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        for (String service : Repository.SERVICES) {
            Map<String, Object> env = (Map<String, Object>) services.get(service).get("environment");
            assertThat(env.keySet()).as("environment of %s", service)
                    .containsAll(Repository.requiredVariables(service));
        }
    }

    @Test
    void envExampleDefinesEveryVariableTheComposeFileUsesWithoutADefault() throws Exception {
        String composeText = Repository.read(COMPOSE.resolve("compose.yml"));
        Set<String> needed = new TreeSet<>();
        Matcher m = VARIABLE.matcher(composeText);
        while (m.find()) {
            if (m.group(2) == null || m.group(2).startsWith(":?")) {
                needed.add(m.group(1));
            }
        }
        assertThat(needed).isNotEmpty();
        assertThat(envExample().keySet()).containsAll(needed);
    }

    /** {@code ${NAME}}, {@code ${NAME:-default}} or {@code ${NAME:?error}} (required), not an escaped {@code $${...}}. */
    private static final Pattern VARIABLE = Pattern.compile("(?<!\\$)\\$\\{([A-Z][A-Z0-9_]*)(:[-?][^}]*)?}");

    static Map<String, String> envExample() throws Exception {
        Map<String, String> defined = new LinkedHashMap<>();
        for (String line : Files.readAllLines(COMPOSE.resolve(".env.example"))) {
            if (line.matches("[A-Z][A-Z0-9_]*=.*")) {
                defined.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
        }
        return defined;
    }

    /** Copied unchanged, .env.example starts nothing: every secret in it is an example the services refuse. */
    @Test
    void envExampleMarksEverySecretToChange() throws Exception {
        Map<String, String> secrets = new TreeMap<>(envExample());
        secrets.keySet().removeIf(name -> !name.matches(".*(SECRET|PASSWORD).*"));
        assertThat(secrets).containsKeys("DOSSIER_DB_PASSWORD", "DOSSIER_KEYCLOAK_ADMIN_PASSWORD",
                "DOSSIER_SEARCH_CLIENT_SECRET", "DOSSIER_GATEWAY_CLIENT_SECRET", "DOSSIER_SESSION_SECRET");
        secrets.forEach((name, value) -> assertThat(value).as(name).startsWith("CHANGE-"));
        String example = Repository.read(COMPOSE.resolve(".env.example"));
        DevelopmentValues.assertNoDevelopmentValue(example, envExample(), ".env.example");
    }

    /**
     * Keycloak imports the production realm, its placeholders set from the same required .env variables the services
     * read; no secret is written in the compose file, and nothing of the development stack is in it.
     */
    @Test
    @SuppressWarnings("unchecked")
    void keycloakImportsTheProductionRealmWithSecretsFromEnv() throws Exception {
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose().get("services");
        Map<String, Object> keycloak = services.get("keycloak");
        String mount = ((List<String>) keycloak.get("volumes")).stream().filter(v -> v.contains("/data/import/"))
                .findFirst().orElseThrow();
        Path realmFile = COMPOSE.resolve(mount.substring(0, mount.indexOf(':'))).normalize();
        assertThat(realmFile).isEqualTo(Repository.root().resolve("deploy/keycloak/dossier-realm-prod.json")
                .normalize());
        Set<String> placeholders = DevelopmentValues.assertProductionRealm(RealmImportTest.productionRealm(),
                "the realm compose imports");
        Map<String, Object> keycloakEnv = (Map<String, Object>) keycloak.get("environment");
        for (String variable : placeholders) {
            assertThat(keycloakEnv.get(variable)).as("Keycloak's %s, required from .env", variable)
                    .isEqualTo("${" + variable + ":?set it in .env}");
        }
        for (Map.Entry<String, Map<String, Object>> service : services.entrySet()) {
            Map<String, Object> env = (Map<String, Object>) service.getValue().getOrDefault("environment", Map.of());
            env.forEach((name, value) -> {
                if (name.matches(".*(SECRET|PASSWORD).*")) {
                    Matcher m = VARIABLE.matcher(String.valueOf(value));
                    assertThat(m.matches() && m.group(2) != null && m.group(2).startsWith(":?"))
                            .as("%s of %s comes from .env and is required, never written here: %s", name,
                                    service.getKey(), value)
                            .isTrue();
                }
            });
        }
        String composeText = Repository.read(COMPOSE.resolve("compose.yml"));
        DevelopmentValues.assertNoDevelopmentValue(composeText, compose(), "compose.yml");
    }
}
