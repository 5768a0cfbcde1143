package io.dossier.search.watch;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.common.problem.ProblemException;

/**
 * The caller's notifications, only of documents in collections the caller may read now: access is checked when a
 * notification is shown, with the roles of that moment, so a reader who loses a collection stops seeing its matches.
 */
@ApplicationScoped
class NotificationService {

    private final NotificationRepository notifications;
    private final WatchRepository watches;

    NotificationService(NotificationRepository notifications, WatchRepository watches) {
        this.notifications = notifications;
        this.watches = watches;
    }

    @Transactional
    WatchDtos.NotificationPage page(Caller caller, String cursor, int size) {
        Boolean afterRead = null;
        Long afterId = null;
        if (cursor != null) {
            String[] parts = decode(cursor);
            afterRead = parts[0].equals("r");
            afterId = Long.parseLong(parts[1]);
        }
        List<Notification> found = notifications.page(caller.id(), caller.readable(), afterRead, afterId, size);
        Map<UUID, String> names = new HashMap<>();
        for (Notification n : found) {
            names.computeIfAbsent(n.watchId, id -> {
                Watch w = watches.findById(id);
                return w == null ? null : w.name;
            });
        }
        List<WatchDtos.NotificationView> items = found.stream().map(n -> view(n, names.get(n.watchId))).toList();
        String next = null;
        if (found.size() == size) {
            Notification last = found.get(found.size() - 1);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(((last.readAt == null ? "u" : "r") + ":" + last.id)
                            .getBytes(StandardCharsets.UTF_8));
        }
        return new WatchDtos.NotificationPage(items, notifications.unread(caller.id(), caller.readable()), next);
    }

    @Transactional
    long unread(Caller caller) {
        return notifications.unread(caller.id(), caller.readable());
    }

    @Transactional
    WatchDtos.ReadResult read(WatchDtos.ReadRequest request, Caller caller) {
        if (request == null || (request.ids() == null || request.ids().isEmpty()) == (request.upTo() == null)) {
            throw new ProblemException(400, "give the ids to mark as read, or upTo (a time): one of the two");
        }
        if (request.ids() != null && request.ids().size() > 500) {
            throw ProblemException.invalidField("ids", "at most 500 at once; use upTo for more");
        }
        int marked = notifications.markRead(caller.id(), caller.readable(), request.ids(), request.upTo(),
                OffsetDateTime.now(ZoneOffset.UTC));
        return new WatchDtos.ReadResult(marked, notifications.unread(caller.id(), caller.readable()));
    }

    static WatchDtos.NotificationView view(Notification n, String watchName) {
        return new WatchDtos.NotificationView(n.id, n.watchId.toString(), watchName, n.documentId, n.title,
                n.collection, n.reason, n.sourceCreatedAt, n.createdAt, n.readAt);
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length == 2 && (parts[0].equals("u") || parts[0].equals("r"))) {
                Long.parseLong(parts[1]);
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // below
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this API gave");
    }
}
