package io.dossier.common.health;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import io.smallrye.health.api.Wellness;

/**
 * Started only once the identity provider that signs our tokens has answered: a service starting without it has no
 * keys to check tokens with. Not a readiness check: once started, a service keeps checking tokens with the keys it
 * holds, so an outage of the provider must not take it out of rotation (the fault suite checks that tokens already
 * issued keep working). Also reported under {@code /q/health/well}, for monitoring.
 */
@Startup
@Wellness
@ApplicationScoped
public class OidcProviderHealth implements HealthCheck {

    private final URI discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public OidcProviderHealth(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl) {
        this.discovery = URI.create(authServerUrl.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Identity provider").withData("url", discovery.toString());
        try {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return response.status(status == 200).withData("status", status).build();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
