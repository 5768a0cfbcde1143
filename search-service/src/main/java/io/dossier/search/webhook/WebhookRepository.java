package io.dossier.search.webhook;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    List<Webhook> ofOwner(String ownerId) {
        return list("ownerId = ?1 order by createdAt, id", ownerId);
    }

    long countOfOwner(String ownerId) {
        return count("ownerId", ownerId);
    }
}
