package io.dossier.gateway.ui;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The pages' way to the search service: bounded in time, one retry when the connection fails, and a circuit breaker
 * so a search service that is down costs the pages nothing while it stays down. Answers with an error status (4xx,
 * 5xx) are not retried: they come back as they are.
 */
@ApplicationScoped
public class SearchClient {

    private final SearchApi api;

    public SearchClient(@RestClient SearchApi api) {
        this.api = api;
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, retryOn = ProcessingException.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, failOn = ProcessingException.class)
    public SearchApi.Results search(Map<String, List<String>> params) {
        return api.search(params);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    public SearchApi.Suggestions suggest(String q, int size) {
        return api.suggest(q, size);
    }

    /** The document with where its words match the search {@code q} (none when q is blank). */
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public SearchApi.Document document(String id, String q, boolean exact) {
        return api.document(id, q == null || q.isBlank() ? null : q, exact);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public SearchApi.Similar similar(String id, int size) {
        return api.similar(id, size);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public SearchApi.CoMentions coMentioned(String id, int size) {
        return api.coMentioned(id, size);
    }

    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    public SearchApi.NoteHits notesAbout(String entityId, int size) {
        return api.notesAbout(entityId, size);
    }
}
