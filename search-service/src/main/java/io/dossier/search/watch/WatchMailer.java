package io.dossier.search.watch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.common.security.CollectionAccess;
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

    private static final java.util.regex.Pattern UUID_FORM = java.util.regex.Pattern
            .compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final WatchRepository watches;
    private final NotificationRepository notifications;
    private final KeycloakUsers users;
    private final Mailer mailer;
    private final SearchConfig config;

    WatchMailer(WatchRepository watches, NotificationRepository notifications, @RestClient KeycloakUsers users,
            Mailer mailer, SearchConfig config) {
        this.watches = watches;
        this.notifications = notifications;
        this.users = users;
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
        Map<String, Access> accessByOwner = new HashMap<>();
        int messages = 0;
        for (UUID id : due) {
            Watch w = watches.findById(id);
            if (w == null) {
                continue;
            }
            Access access = accessByOwner.computeIfAbsent(w.ownerId, this::access);
            if (access.state() == Access.State.UNKNOWN) {
                continue; // Keycloak did not say: the e-mail waits for the next round
            }
            if (access.state() == Access.State.GONE) {
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

    /** What a watch's owner may read now, as Keycloak says; or that Keycloak does not know the user, or did not say. */
    record Access(State state, Set<String> collections) {

        enum State {
            KNOWN, GONE, UNKNOWN
        }

        static final Access GONE_USER = new Access(State.GONE, Set.of());
        static final Access NOT_SAID = new Access(State.UNKNOWN, Set.of());

        /** {@code collections} null: all of them. */
        boolean mayRead(String collection) {
            return state == State.KNOWN && (collections == null || collections.contains(collection));
        }
    }

    private Access access(String userId) {
        if (!UUID_FORM.matcher(userId).matches()) {
            return Access.NOT_SAID; // not a Keycloak user id (a token without a subject): never asked, never mailed
        }
        List<KeycloakUsers.Role> roles;
        try {
            roles = users.realmRoles(userId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404 && userUnknown(e)) {
                Log.infof("user %s is no longer in Keycloak: their watches send no more e-mail", userId);
                return Access.GONE_USER;
            }
            Log.warnf("the roles of %s not known (%d): their e-mail waits", userId, e.getResponse().getStatus());
            return Access.NOT_SAID;
        } catch (RuntimeException e) {
            Log.warnf("Keycloak did not answer (%s): e-mail waits", e.getMessage());
            return Access.NOT_SAID;
        }
        Set<String> collections = new TreeSet<>();
        boolean reader = false;
        for (KeycloakUsers.Role role : roles) {
            if (role.name().equals("admin")) {
                return new Access(Access.State.KNOWN, null);
            }
            reader |= role.name().equals("reader");
            if (role.name().startsWith(CollectionAccess.ROLE_PREFIX)) {
                collections.add(role.name().substring(CollectionAccess.ROLE_PREFIX.length()));
            }
        }
        return new Access(Access.State.KNOWN, reader ? collections : Set.of());
    }

    /** Keycloak's own "User not found", not a 404 of a wrong address or realm. */
    private static boolean userUnknown(WebApplicationException e) {
        try {
            return e.getResponse().readEntity(String.class).contains("User not found");
        } catch (RuntimeException unreadable) {
            return false;
        }
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
