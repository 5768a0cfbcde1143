package io.dossier.search.watch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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
 * watches of a user Keycloak no longer knows are deleted. Several instances: each watch is taken under a row lock
 * that others skip. A message is marked sent in the transaction that sends it: a crash between the two sends it again
 * (at least once), never loses it.
 */
@ApplicationScoped
public class WatchMailer {

    private final WatchRepository watches;
    private final NotificationRepository notifications;
    private final KeycloakUsers users;
    private final Mailer mailer;
    private final SearchConfig config;
    private volatile long sent;

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
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT w.id FROM watch w
                WHERE w.delivery <> 'app'
                  AND EXISTS (SELECT 1 FROM notification n WHERE n.watch_id = w.id AND n.mailed_at IS NULL)
                  AND (w.delivery = 'immediate' OR w.last_mailed_at IS NULL
                       OR (w.delivery = 'hourly' AND w.last_mailed_at <= ?1)
                       OR (w.delivery = 'daily' AND w.last_mailed_at <= ?2))
                ORDER BY w.last_mailed_at NULLS FIRST LIMIT 100
                FOR UPDATE SKIP LOCKED""", UUID.class)
                .setParameter(1, now.minus(Duration.ofHours(1))).setParameter(2, now.minus(Duration.ofDays(1)))
                .getResultList();
        Map<String, Optional<Set<String>>> readableByOwner = new HashMap<>();
        int messages = 0;
        for (UUID id : due) {
            Watch w = watches.findById(id, LockModeType.NONE);
            Optional<Set<String>> readable = readableByOwner.computeIfAbsent(w.ownerId, this::readable);
            if (readable == null || readable.isEmpty()) {
                continue; // Keycloak did not answer: try again next time
            }
            List<Notification> pending = notifications
                    .list("watchId = ?1 and mailedAt is null order by id", w.id);
            Set<String> collections = readable.get().contains("*") ? null : readable.get();
            List<Notification> shown = new ArrayList<>();
            for (Notification n : pending) {
                if (collections == null || collections.contains(n.collection)) {
                    shown.add(n);
                }
                n.mailedAt = now;
            }
            if (!shown.isEmpty() && w.ownerEmail != null) {
                mailer.send(message(w, shown));
                messages++;
            }
            w.lastMailedAt = now;
        }
        sent += messages;
        return messages;
    }

    /** How many messages this instance sent since it started. */
    public long sent() {
        return sent;
    }

    /**
     * The collections the user may read now ("*" for all); empty (the user's watches deleted) when Keycloak no longer
     * knows the user; null when it did not answer.
     */
    private Optional<Set<String>> readable(String userId) {
        List<KeycloakUsers.Role> roles;
        try {
            roles = users.realmRoles(userId);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                long deleted = watches.delete("ownerId", userId);
                Log.infof("user %s is gone: %d watches deleted", userId, deleted);
                return Optional.empty();
            }
            Log.warnf("the roles of %s not known (%d): their e-mail waits", userId, e.getResponse().getStatus());
            return null;
        } catch (RuntimeException e) {
            Log.warnf("Keycloak did not answer (%s): e-mail waits", e.getMessage());
            return null;
        }
        Set<String> collections = new TreeSet<>();
        for (KeycloakUsers.Role role : roles) {
            if (role.name().equals("admin")) {
                return Optional.of(Set.of("*"));
            }
            if (role.name().startsWith(CollectionAccess.ROLE_PREFIX)) {
                collections.add(role.name().substring(CollectionAccess.ROLE_PREFIX.length()));
            }
        }
        if (roles.stream().noneMatch(r -> r.name().equals("reader"))) {
            collections.clear(); // no longer a reader at all: nothing is shown
        }
        return Optional.of(collections.isEmpty() ? Set.of("") : collections);
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
