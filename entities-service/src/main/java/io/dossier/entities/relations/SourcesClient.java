package io.dossier.entities.relations;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The way to the sources service: bounded in time, one retry when the connection fails, and a circuit breaker so a
 * sources service that is down costs each request nothing while it stays down. Answers with an error status come
 * back as they are.
 */
@ApplicationScoped
public class SourcesClient {

    private final SourcesApi api;

    public SourcesClient(@RestClient SourcesApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = ProcessingException.class)
    public SourcesApi.Found lookup(List<UUID> ids) {
        return api.lookup(new SourcesApi.Lookup(ids));
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = ProcessingException.class)
    public String text(UUID id) {
        return api.text(id);
    }
}
