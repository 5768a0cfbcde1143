package io.dossier.search.watch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, Long> {

    /**
     * The owner's notifications of documents in {@code readable} (null: all collections), unread first, newest first,
     * after the cursor position ({@code afterRead}: the cursor is among the read ones; {@code afterId}).
     */
    List<Notification> page(String ownerId, Set<String> readable, Boolean afterRead, Long afterId, int size) {
        StringBuilder where = new StringBuilder("ownerId = :owner");
        Map<String, Object> params = new java.util.HashMap<>(Map.of("owner", ownerId));
        if (readable != null) {
            where.append(" and collection in :readable");
            params.put("readable", readable.isEmpty() ? Set.of("") : readable);
        }
        if (afterId != null) {
            where.append(Boolean.TRUE.equals(afterRead)
                    ? " and readAt is not null and id < :after"
                    : " and (readAt is not null or id < :after)");
            params.put("after", afterId);
        }
        return find(where + " order by case when readAt is null then 0 else 1 end, id desc", params).page(0, size)
                .list();
    }

    long unread(String ownerId, Set<String> readable) {
        if (readable == null) {
            return count("ownerId = ?1 and readAt is null", ownerId);
        }
        if (readable.isEmpty()) {
            return 0;
        }
        return count("ownerId = ?1 and readAt is null and collection in ?2", ownerId, readable);
    }

    /** Marks read the owner's unread notifications of documents in {@code readable} (null: all). */
    int markRead(String ownerId, Set<String> readable, List<Long> ids, OffsetDateTime upTo, OffsetDateTime now) {
        if (readable != null && readable.isEmpty()) {
            return 0;
        }
        Map<String, Object> params = new java.util.HashMap<>(Map.of("now", now, "owner", ownerId));
        String where = "ownerId = :owner and readAt is null";
        if (readable != null) {
            where += " and collection in :readable";
            params.put("readable", readable);
        }
        if (ids != null && !ids.isEmpty()) {
            where += " and id in :ids";
            params.put("ids", ids);
        } else {
            where += " and createdAt <= :upTo";
            params.put("upTo", upTo);
        }
        return update("readAt = :now where " + where, params);
    }

    /** The newest notification of each of these watches, of documents in {@code readable} (null: all). */
    Map<UUID, OffsetDateTime> lastMatched(List<UUID> watchIds, Set<String> readable) {
        Map<UUID, OffsetDateTime> last = new java.util.HashMap<>();
        if (watchIds.isEmpty() || (readable != null && readable.isEmpty())) {
            return last;
        }
        var query = getEntityManager().createQuery("select n.watchId, max(n.createdAt) from Notification n "
                + "where n.watchId in :ids" + (readable == null ? "" : " and n.collection in :readable")
                + " group by n.watchId", Object[].class).setParameter("ids", watchIds);
        if (readable != null) {
            query.setParameter("readable", readable);
        }
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            last.put((UUID) row[0], (OffsetDateTime) row[1]);
        }
        return last;
    }
}
