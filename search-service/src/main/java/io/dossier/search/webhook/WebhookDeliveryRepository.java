package io.dossier.search.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A webhook's attempts, newest first, after the cursor's (attempt time, id) if given. */
    List<WebhookDelivery> page(UUID webhookId, OffsetDateTime beforeAt, UUID beforeId, int size) {
        if (beforeAt == null) {
            return find("webhookId = ?1 order by attemptedAt desc, id desc", webhookId).page(0, size).list();
        }
        return find("webhookId = ?1 and (attemptedAt < ?2 or (attemptedAt = ?2 and id < ?3)) "
                + "order by attemptedAt desc, id desc", webhookId, beforeAt, beforeId).page(0, size).list();
    }

    long forget(OffsetDateTime before) {
        return delete("attemptedAt < ?1", before);
    }
}
