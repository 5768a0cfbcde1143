package io.dossier.search.watch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.dossier.search.SearchConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Alerts by e-mail: every {@code dossier.search.mail.every}, each watch that sends e-mail and has matches not yet
 * mailed gets one message listing them (at once for {@code immediate}; at most once an hour or a day for
 * {@code hourly} and {@code daily}, as a digest). Access is checked when sending, with the owner's roles in Keycloak
 * at that moment: a match in a collection the owner may no longer read is left out (and not sent later), and the
 * watches of a user Keycloak no longer knows send no more e-mail. Several instances: each watch is taken under a row lock
 * that others skip. A message is marked sent in the transaction that sends it: a crash between the two sends it again
 * (at least once), never loses it.
 */
@ApplicationScoped
public class WatchMailer {

    private final WatchRepository watches;
    private final NotificationRepository notifications;
    private final OwnerAccess owners;
    private final Mailer mailer;
    private final SearchConfig config;

    WatchMailer(WatchRepository watches, NotificationRepository notifications, OwnerAccess owners,
            Mailer mailer, SearchConfig config) {
        this.watches = watches;
        this.notifications = notifications;
        this.owners = owners;
        this.mailer = mailer;
        this.config = config;
    }

    @Scheduled(every = "${dossier.search.mail.every}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!config.mail().enabled()) {
            return;
        }
        try {
            sendDue();
        } catch (RuntimeException e) {
            Log.warnf("watch e-mail not sent this time: %s", e.getMessage());
        }
    }

    /** Sends what is due now; returns how many messages went out. */
    @Transactional
    public int sendDue() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        EntityManager em = Panache.getEntityManager();
        // NO KEY UPDATE: other instances skip these watches, while the indexer's notifications (whose foreign key
        // takes KEY SHARE on the watch) go on being written
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT w.id FROM watch w
                WHERE w.delivery <> 'app'
                  AND EXISTS (SELECT 1 FROM notification n WHERE n.watch_id = w.id AND n.mailed_at IS NULL)
                  AND (w.delivery = 'immediate' OR w.last_mailed_at IS NULL
                       OR (w.delivery = 'hourly' AND w.last_mailed_at <= ?1)
                       OR (w.delivery = 'daily' AND w.last_mailed_at <= ?2))
                ORDER BY w.last_mailed_at NULLS FIRST LIMIT 100
                FOR NO KEY UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now.minus(Duration.ofHours(1))).setParameter(2, now.minus(Duration.ofDays(1)))
                .getResultList();
        Map<String, OwnerAccess.Access> accessByOwner = new HashMap<>();
        int messages = 0;
        for (UUID id : due) {
            Watch w = watches.findById(id);
            if (w == null) {
                continue;
            }
            OwnerAccess.Access access = accessByOwner.computeIfAbsent(w.ownerId, owners::of);
            if (access.state() == OwnerAccess.Access.State.UNKNOWN) {
                continue; // Keycloak did not say: the e-mail waits for the next round
            }
            if (access.state() == OwnerAccess.Access.State.GONE) {
                // a user Keycloak no longer has: no more e-mail, ever (the watch stays, in the app only)
                em.createNativeQuery("UPDATE watch SET delivery = 'app' WHERE id = ?1").setParameter(1, id)
                        .executeUpdate();
                continue;
            }
            List<Notification> pending = notifications.list("watchId = ?1 and mailedAt is null order by id", id);
            List<Notification> shown = new ArrayList<>();
            for (Notification n : pending) {
                if (access.mayRead(n.collection)) {
                    shown.add(n);
                }
            }
            // marked before sending, in the same transaction: a failed send rolls both back
            em.createNativeQuery("UPDATE notification SET mailed_at = ?1 WHERE watch_id = ?2 AND mailed_at IS NULL "
                    + "AND id <= ?3").setParameter(1, now).setParameter(2, id)
                    .setParameter(3, pending.isEmpty() ? 0L : pending.get(pending.size() - 1).id).executeUpdate();
            // not through the entity: the watch's version (its edits' optimistic lock) stays as it is
            em.createNativeQuery("UPDATE watch SET last_mailed_at = ?1 WHERE id = ?2").setParameter(1, now)
                    .setParameter(2, id).executeUpdate();
            if (!shown.isEmpty() && w.ownerEmail != null) {
                mailer.send(message(w, shown));
                messages++;
            }
        }
        return messages;
    }

    private Mail message(Watch w, List<Notification> shown) {
        int max = config.mail().maxDocuments();
        String subject = shown.size() == 1
                ? "Dossier: a new document for “" + w.name + "”"
                : "Dossier: " + shown.size() + " new documents for “" + w.name + "”";
        StringBuilder text = new StringBuilder();
        text.append(shown.size() == 1 ? "A new document matches" : shown.size() + " new documents match")
                .append(" your watch “").append(w.name).append("”")
                .append(w.query == null ? "" : " (the search " + w.query + ")").append(":\n\n");
        String base = config.mail().publicUrl().replaceAll("/+$", "");
        for (Notification n : shown.subList(0, Math.min(max, shown.size()))) {
            text.append("- ").append(n.title == null || n.title.isBlank() ? "Untitled document" : n.title)
                    .append(" (").append(n.reason).append(")\n  ").append(base).append("/documents/")
                    .append(n.documentId).append("\n");
        }
        if (shown.size() > max) {
            text.append("\nand ").append(shown.size() - max).append(" more: ").append(base)
                    .append("/notifications\n");
        }
        text.append("\nYour watches: ").append(base).append("/watches (change how often you are told, or stop).\n");
        return Mail.withText(w.ownerEmail, subject, text.toString());
    }
}
