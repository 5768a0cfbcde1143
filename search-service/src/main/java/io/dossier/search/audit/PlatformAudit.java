package io.dossier.search.audit;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.dossier.audit.AuditCursor;
import io.dossier.audit.AuditEvent;
import io.dossier.audit.AuditFilter;
import io.dossier.audit.AuditLog;
import io.dossier.audit.AuditPage;
import io.dossier.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The whole platform's audit trail: this service's events and those of the sources and entities services, merged
 * into one order (newest first). Each service pages its own trail from the same cursor; the merge keeps the newest
 * {@code size} of their pages, and the last of those is the next cursor, which every service understands.
 */
@ApplicationScoped
public class PlatformAudit {

    private final AuditLog own;
    private final Map<String, ServiceAuditApi> others = new LinkedHashMap<>();

    public PlatformAudit(AuditLog own, @ConfigProperty(name = "quarkus.rest-client.sources.url") String sources,
            @ConfigProperty(name = "quarkus.rest-client.entities.url") String entities) {
        this.own = own;
        others.put("sources", client(sources));
        others.put("entities", client(entities));
    }

    private static ServiceAuditApi client(String url) {
        return QuarkusRestClientBuilder.newBuilder().baseUri(URI.create(url)).connectTimeout(5, TimeUnit.SECONDS)
                .readTimeout(30, TimeUnit.SECONDS).build(ServiceAuditApi.class);
    }

    /** A page of the merged trail; {@code token}: the caller's access token, which every service checks. */
    public AuditPage page(AuditFilter filter, String cursor, int size, String token) {
        AuditCursor after = AuditCursor.decode(cursor);
        AuditPage mine = own.page(filter, after, size);
        List<AuditEvent> events = new ArrayList<>(mine.events());
        boolean more = mine.next() != null;
        for (Map.Entry<String, ServiceAuditApi> service : others.entrySet()) {
            AuditPage theirs = ask(service.getKey(), service.getValue(), filter, cursor, size, token);
            events.addAll(theirs.events());
            more |= theirs.next() != null;
        }
        events.sort(AuditCursor.NEWEST_FIRST);
        if (events.size() <= size && !more) {
            return new AuditPage(List.copyOf(events), null);
        }
        List<AuditEvent> page = List.copyOf(events.subList(0, Math.min(size, events.size())));
        return new AuditPage(page, page.isEmpty() ? null : AuditCursor.after(page.get(page.size() - 1)).encode());
    }

    private static AuditPage ask(String name, ServiceAuditApi api, AuditFilter f, String cursor, int size,
            String token) {
        try {
            return api.events("Bearer " + token, f.actor(), f.action() == null ? null : f.action().name(),
                    f.targetType(), f.targetId(), f.collection(), f.from() == null ? null : f.from().toString(),
                    f.to() == null ? null : f.to().toString(), cursor, size);
        } catch (WebApplicationException | ProcessingException e) {
            Log.warnf("the %s service's audit trail did not answer: %s", name, e.getMessage());
            throw new ProblemException(503, "The " + name + " service's audit trail is unavailable right now, so "
                    + "the platform's cannot be shown whole; try again shortly");
        }
    }
}
