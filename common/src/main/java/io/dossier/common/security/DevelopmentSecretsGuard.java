package io.dossier.common.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.logging.Log;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * A packaged service (launch mode normal: the prod profile, or any profile a packaged jar is started with) refuses to
 * start when one of its secrets is a {@link DevelopmentSecrets known development value}: whoever runs it in production
 * learns it at once, not from an attacker. The local development stack and the platform tests run the packaged
 * services with the dev realm's values on purpose; they say so with {@code DOSSIER_ALLOW_DEVELOPMENT_SECRETS=true}
 * ({@code dossier.allow-development-secrets}), which turns the refusal into a warning naming each value. Never set it
 * in a deployment. Dev mode and tests use the development values without a word.
 */
@ApplicationScoped
public class DevelopmentSecretsGuard {

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            @ConfigProperty(name = "dossier.allow-development-secrets", defaultValue = "false") boolean allowed) {
        if (LaunchMode.current() != LaunchMode.NORMAL) {
            return;
        }
        Config config = ConfigProvider.getConfig();
        Map<String, String> configured = new LinkedHashMap<>();
        for (DevelopmentSecrets.Checked secret : DevelopmentSecrets.CHECKED) {
            config.getOptionalValue(secret.property(), String.class).ifPresent(v -> configured.put(secret
                    .property(), v));
        }
        List<DevelopmentSecrets.Finding> findings = DevelopmentSecrets.findings(configured);
        if (findings.isEmpty()) {
            return;
        }
        String list = findings.stream().map(f -> "\n  - " + f).collect(Collectors.joining());
        if (allowed) {
            Log.warnf("DEVELOPMENT SECRETS IN USE (DOSSIER_ALLOW_DEVELOPMENT_SECRETS=true: the local development "
                    + "stack only, never a deployment):%s", list);
            return;
        }
        String message = "Refusing to start: secrets with development or example values in production:" + list
                + "\nSet each variable to a value of your own (e.g. openssl rand -hex 32); a client secret must "
                + "be the same in Keycloak, and the database password the same in PostgreSQL.";
        Log.error(message);
        throw new IllegalStateException(message);
    }
}
