package io.dossier.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** The Keycloak Operator's realm import carries the realm the local stack and compose import, unchanged. */
class RealmImportTest {

    @Test
    @SuppressWarnings("unchecked")
    void theRealmImportIsTheRealm() throws Exception {
        Map<String, Object> realm = new ObjectMapper().readValue(Repository.root()
                .resolve("deploy/keycloak/dossier-realm.json").toFile(), Map.class);
        Map<String, Object> resource = new ObjectMapper(new YAMLFactory()).readValue(Repository.root()
                .resolve("deploy/kubernetes/base/keycloak-realm-import.yaml").toFile(), Map.class);
        assertThat(resource.get("kind")).isEqualTo("KeycloakRealmImport");
        Map<String, Object> spec = (Map<String, Object>) resource.get("spec");
        assertThat(spec.get("realm")).as("run deploy/kubernetes/generate-realm-import after changing the realm")
                .isEqualTo(realm);
    }
}
