package io.dossier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The production realm (deploy/keycloak/dossier-realm-prod.json, imported by compose and, as the Keycloak Operator's
 * realm import, by Kubernetes) is the development realm without its development parts, and nothing else: the same
 * realm settings and roles, the same production clients. All three files come from
 * deploy/kubernetes/generate-realm-import; run it after changing the development realm.
 */
class RealmImportTest {

    private static final String REGENERATE = "run deploy/kubernetes/generate-realm-import after changing the realm";

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String path) throws Exception {
        return new ObjectMapper().readValue(Repository.root().resolve(path).toFile(), Map.class);
    }

    static Map<String, Object> productionRealm() throws Exception {
        return json("deploy/keycloak/dossier-realm-prod.json");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRealmImportIsTheProductionRealm() throws Exception {
        Map<String, Object> resource = new ObjectMapper(new YAMLFactory()).readValue(Repository.root()
                .resolve("deploy/kubernetes/base/keycloak-realm-import.yaml").toFile(), Map.class);
        assertThat(resource.get("kind")).isEqualTo("KeycloakRealmImport");
        Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
        assertThat(spec.get("realm")).as(REGENERATE).isEqualTo(productionRealm());
    }

    @Test
    void theProductionRealmHoldsNoDemoUserTestClientLocalRedirectOrSecret() throws Exception {
        assertThat(DevelopmentValues.assertProductionRealm(productionRealm(), "dossier-realm-prod.json"))
                .containsExactlyInAnyOrder("DOSSIER_PUBLIC_URL", "DOSSIER_GATEWAY_CLIENT_SECRET",
                        "DOSSIER_SEARCH_CLIENT_SECRET");
        DevelopmentValues.assertNoDevelopmentValue(Repository.read(Repository.root().resolve(
                "deploy/keycloak/dossier-realm-prod.json")), productionRealm(), "dossier-realm-prod.json");
    }

    /** Roles, settings and the production clients cannot drift from the development realm the tests exercise. */
    @Test
    @SuppressWarnings("unchecked")
    void theProductionRealmIsTheDevelopmentRealmWithoutItsDevelopmentParts() throws Exception {
        Map<String, Object> dev = json("deploy/keycloak/dossier-realm.json");
        Map<String, Object> prod = productionRealm();
        assertThat(prod.get("roles")).as(REGENERATE).isEqualTo(dev.get("roles"));
        assertThat(without(prod, "clients", "users")).as(REGENERATE).isEqualTo(without(dev, "clients", "users"));

        List<Map<String, Object>> devClients = ((List<Map<String, Object>>) dev.get("clients")).stream()
                .filter(c -> !DevelopmentValues.DEV_ONLY_CLIENTS.contains((String) c.get("clientId"))).toList();
        List<Map<String, Object>> prodClients = (List<Map<String, Object>>) prod.get("clients");
        assertThat(prodClients).extracting(c -> c.get("clientId")).as(REGENERATE)
                .containsExactlyElementsOf(devClients.stream().map(c -> c.get("clientId")).toList())
                .contains("gateway", "search-service");
        for (int i = 0; i < prodClients.size(); i++) {
            for (String replaced : List.of("secret", "redirectUris")) {
                assertThat(prodClients.get(i).containsKey(replaced)).as("%s of %s", replaced, prodClients.get(i)
                        .get("clientId")).isEqualTo(devClients.get(i).containsKey(replaced));
            }
            assertThat(comparable(prodClients.get(i))).as("client %s: only secrets and redirects differ; %s",
                    prodClients.get(i).get("clientId"), REGENERATE).isEqualTo(comparable(devClients.get(i)));
        }

        Set<Object> kept = new HashSet<>(prodClients.stream().map(c -> c.get("clientId")).toList());
        List<Map<String, Object>> serviceAccounts = ((List<Map<String, Object>>) dev.get("users")).stream()
                .filter(u -> kept.contains(u.get("serviceAccountClientId"))).toList();
        assertThat(prod.get("users")).as("the service accounts of the production clients; %s", REGENERATE)
                .isEqualTo(serviceAccounts);
    }

    private static Map<String, Object> without(Map<String, Object> map, String... keys) {
        Map<String, Object> copy = new LinkedHashMap<>(map);
        for (String key : keys) {
            copy.remove(key);
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> comparable(Map<String, Object> client) {
        Map<String, Object> copy = without(client, "secret", "redirectUris");
        if (copy.get("attributes") instanceof Map<?, ?> attributes) {
            copy.put("attributes", without((Map<String, Object>) attributes, "post.logout.redirect.uris"));
        }
        return copy;
    }
}
