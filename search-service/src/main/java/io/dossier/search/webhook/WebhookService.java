package io.dossier.search.webhook;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.common.problem.ProblemException;
import io.dossier.search.SearchConfig;
import io.dossier.search.watch.Caller;
import io.dossier.search.watch.Watch;
import io.dossier.search.watch.WatchRepository;
import io.quarkus.panache.common.Sort;

/** Webhooks: saved with their URL checked, listed, changed, removed; each belongs to the user who made it. */
@ApplicationScoped
public class WebhookService {

    private final WebhookRepository webhooks;
    private final WebhookDeliveryRepository deliveries;
    private final WatchRepository watches;
    private final WebhookTargets targets;
    private final SearchConfig config;

    WebhookService(WebhookRepository webhooks, WebhookDeliveryRepository deliveries, WatchRepository watches,
            WebhookTargets targets, SearchConfig config) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.watches = watches;
        this.targets = targets;
        this.config = config;
    }

    @Transactional
    WebhookDtos.WebhookView create(WebhookDtos.WebhookRequest request, Caller caller) {
        if (request == null) {
            throw new ProblemException(400, "send a webhook: {\"url\", \"secret\"}, with \"watchId\" for one watch");
        }
        Webhook h = new Webhook();
        h.id = UUID.randomUUID();
        h.ownerId = caller.id();
        h.ownerName = caller.name();
        h.url = url(request.url());
        h.secret = secret(request.secret());
        h.watchId = request.watchId() == null ? null : watch(request.watchId(), caller);
        webhooks.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "webhooks " + caller.id()).getSingleResult();
        int max = config.webhooks().maxPerUser();
        if (webhooks.countOfOwner(caller.id()) >= max) {
            throw new ProblemException(409, "You have " + max + " webhooks, the most one user may have: delete one "
                    + "to add another");
        }
        h.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        h.updatedAt = h.createdAt;
        h.nextAttemptAt = h.createdAt;
        webhooks.persist(h);
        return view(h);
    }

    @Transactional
    List<WebhookDtos.WebhookView> list(Caller caller, boolean all, int offset, int size) {
        if (all && !caller.admin()) {
            throw new ProblemException(403, "Only administrators may list everyone's webhooks");
        }
        List<Webhook> found = all
                ? webhooks.findAll(Sort.by("createdAt").and("id")).range(offset, offset + size - 1).list()
                : webhooks.ofOwner(caller.id());
        Map<UUID, Long> pending = webhooks.pending(found.stream().map(h -> h.id).toList());
        return found.stream().map(h -> view(h, pending.getOrDefault(h.id, 0L))).toList();
    }

    @Transactional
    WebhookDtos.WebhookView get(UUID id, Caller caller) {
        return view(owned(id, caller, true));
    }

    @Transactional
    WebhookDtos.WebhookView update(UUID id, WebhookDtos.WebhookPatch patch, Caller caller) {
        Webhook h = owned(id, caller, false);
        if (patch == null) {
            throw new ProblemException(400, "send the fields to change");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (patch.url() != null) {
            String url = url(patch.url());
            if (!url.equals(h.url)) {
                // a new address starts afresh: no failures of the old one, no wait
                h.failures = 0;
                h.nextAttemptAt = now;
            }
            h.url = url;
        }
        if (patch.secret() != null) {
            h.secret = secret(patch.secret());
        }
        if (patch.watchId() != null) {
            h.watchId = patch.watchId().isEmpty() ? null : watch(patch.watchId(), caller);
            if (h.watchId != null) {
                // narrowed to one watch: what the others queued is not its to deliver any more
                webhooks.getEntityManager().createNativeQuery("DELETE FROM webhook_outbox o USING notification n "
                        + "WHERE o.webhook_id = ?1 AND n.id = o.notification_id AND n.watch_id <> ?2")
                        .setParameter(1, h.id).setParameter(2, h.watchId).executeUpdate();
            }
        }
        if (Boolean.TRUE.equals(patch.enabled()) && h.disabledAt != null) {
            h.disabledAt = null;
            h.disabledReason = null;
            h.failures = 0;
            h.nextAttemptAt = now;
        } else if (Boolean.FALSE.equals(patch.enabled()) && h.disabledAt == null) {
            h.disabledAt = now;
            h.disabledReason = "Disabled by " + caller.name();
        }
        h.updatedAt = now;
        return view(h);
    }

    @Transactional
    void delete(UUID id, Caller caller) {
        webhooks.delete(owned(id, caller, true));
    }

    /** A webhook's attempts, newest first. */
    @Transactional
    WebhookDtos.DeliveryPage deliveries(UUID id, Caller caller, String cursor, int size) {
        owned(id, caller, true);
        OffsetDateTime beforeAt = null;
        UUID beforeId = null;
        if (cursor != null && !cursor.isEmpty()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                beforeAt = OffsetDateTime.parse(parts[0]);
                beforeId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("cursor", "not a cursor this API gave; start without one");
            }
        }
        List<WebhookDelivery> page = deliveries.page(id, beforeAt, beforeId, size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            WebhookDelivery last = page.get(size - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((last.attemptedAt + "|" + last.id).getBytes(StandardCharsets.UTF_8));
        }
        return new WebhookDtos.DeliveryPage(page.stream().map(d -> new WebhookDtos.DeliveryView(d.id.toString(),
                d.attemptedAt, d.outcome, d.httpStatus, d.error, d.durationMs, d.notifications, d.attempt)).toList(),
                next);
    }

    private Webhook owned(UUID id, Caller caller, boolean adminToo) {
        Webhook h = webhooks.findById(id);
        if (h == null || !(h.ownerId.equals(caller.id()) || (adminToo && caller.admin()))) {
            throw ProblemException.notFound("No webhook " + id + " of yours");
        }
        return h;
    }

    private String url(String url) {
        try {
            return targets.check(url).toString();
        } catch (WebhookTargets.Refused e) {
            throw ProblemException.invalidField("url", e.getMessage());
        }
    }

    private static String secret(String secret) {
        if (secret == null || secret.length() < 16) {
            throw ProblemException.invalidField("secret", "at least 16 characters: a random secret the receiver "
                    + "also knows, to check each delivery's signature");
        }
        if (secret.length() > 200 || secret.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalidField("secret", "at most 200 characters, without control characters");
        }
        return secret;
    }

    private UUID watch(String id, Caller caller) {
        UUID watchId;
        try {
            watchId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("watchId", "must be the id of one of your watches");
        }
        Watch w = watches.findById(watchId);
        if (w == null || !w.ownerId.equals(caller.id())) {
            throw ProblemException.invalidField("watchId", "no watch " + id + " of yours");
        }
        return watchId;
    }

    private WebhookDtos.WebhookView view(Webhook h) {
        return view(h, webhooks.pending(List.of(h.id)).getOrDefault(h.id, 0L));
    }

    private WebhookDtos.WebhookView view(Webhook h, long pending) {
        return new WebhookDtos.WebhookView(h.id.toString(), h.url, h.watchId == null ? null : h.watchId.toString(),
                h.ownerName, h.disabledAt == null, h.disabledReason, h.disabledAt, h.failures,
                h.failures > 0 ? h.nextAttemptAt : null, pending, h.createdAt, h.updatedAt);
    }
}
