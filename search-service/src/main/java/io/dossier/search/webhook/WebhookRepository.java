package io.dossier.search.webhook;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class WebhookRepository implements PanacheRepositoryBase<Webhook, UUID> {

    List<Webhook> ofOwner(String ownerId) {
        return list("ownerId = ?1 order by createdAt, id", ownerId);
    }

    long countOfOwner(String ownerId) {
        return count("ownerId", ownerId);
    }

    /** How many notifications each of these webhooks has still to deliver (absent: none), in one query. */
    Map<UUID, Long> pending(List<UUID> ids) {
        Map<UUID, Long> pending = new HashMap<>();
        if (ids.isEmpty()) {
            return pending;
        }
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (var count = connection.prepareStatement("SELECT webhook_id, count(*) FROM webhook_outbox "
                    + "WHERE webhook_id = ANY(?) GROUP BY webhook_id")) {
                count.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (var rs = count.executeQuery()) {
                    while (rs.next()) {
                        pending.put(rs.getObject(1, UUID.class), rs.getLong(2));
                    }
                }
            }
        });
        return pending;
    }
}
