package io.dossier.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which configured secrets are not secret: the values this repository publishes for the development stack (the dev
 * realm's client secrets, the dev session key, the database password {@code dossier}), the examples of
 * {@code deploy/compose/.env.example} copied unchanged (they start with {@code CHANGE-}), and session keys too short
 * to be keys. {@link DevelopmentSecretsGuard} asks this at startup; the decision is kept here, free of Quarkus, so a
 * plain test covers it.
 */
public final class DevelopmentSecrets {

    /** A secret a service may configure, the variable production sets it from, and whether it is a session key. */
    public record Checked(String property, String variable, boolean sessionKey) {
    }

    /** What is wrong with the value of one configured secret. */
    public record Finding(Checked secret, String problem) {
        @Override
        public String toString() {
            return secret.property() + " (from " + secret.variable() + ") " + problem;
        }
    }

    /** Every secret a Dossier service reads; each service checks those it has. */
    public static final List<Checked> CHECKED = List.of(
            new Checked("quarkus.datasource.password", "DOSSIER_DB_PASSWORD", false),
            new Checked("quarkus.oidc.credentials.secret", "DOSSIER_GATEWAY_CLIENT_SECRET", false),
            new Checked("quarkus.keycloak.admin-client.client-secret", "DOSSIER_GATEWAY_CLIENT_SECRET", false),
            new Checked("quarkus.oidc-client.credentials.secret", "DOSSIER_SEARCH_CLIENT_SECRET", false),
            new Checked("quarkus.elasticsearch.password", "QUARKUS_ELASTICSEARCH_PASSWORD", false),
            new Checked("quarkus.oidc.token-state-manager.encryption-secret", "DOSSIER_SESSION_SECRET", true),
            new Checked("quarkus.oidc.authentication.state-secret", "DOSSIER_SESSION_SECRET", true),
            new Checked("dossier.gateway.csrf-key", "DOSSIER_GATEWAY_CSRF_KEY (by default DOSSIER_SESSION_SECRET)",
                    true));

    /** Published in this repository (deploy/keycloak/dossier-realm.json, deploy/local/dossier, application.properties). */
    static final Set<String> DEVELOPMENT_VALUES = Set.of("dev-gateway-secret", "dev-search-service-secret",
            "dev-integrator-secret", "dev-only-session-encryption-secret-0123456789", "dossier");
    static final String EXAMPLE_PREFIX = "CHANGE-";
    static final int MIN_SESSION_KEY_LENGTH = 32;

    private DevelopmentSecrets() {
    }

    /** What is wrong with {@code value} as {@code secret}; empty when nothing is. */
    static Optional<String> problem(Checked secret, String value) {
        if (DEVELOPMENT_VALUES.contains(value)) {
            return Optional.of("is the development value \"" + value + "\"");
        }
        if (value.regionMatches(true, 0, EXAMPLE_PREFIX, 0, EXAMPLE_PREFIX.length())) {
            return Optional.of("is the example of deploy/compose/.env.example (it starts with " + EXAMPLE_PREFIX + ")");
        }
        if (secret.sessionKey() && value.length() < MIN_SESSION_KEY_LENGTH) {
            return Optional.of("has " + value.length() + " characters; a session key needs at least "
                    + MIN_SESSION_KEY_LENGTH);
        }
        return Optional.empty();
    }

    /** The findings over the configured secrets ({@code property -> value}, those a service has), in CHECKED's order. */
    public static List<Finding> findings(Map<String, String> configured) {
        List<Finding> findings = new ArrayList<>();
        for (Checked secret : CHECKED) {
            String value = configured.get(secret.property());
            if (value != null) {
                problem(secret, value).ifPresent(p -> findings.add(new Finding(secret, p)));
            }
        }
        return findings;
    }
}
