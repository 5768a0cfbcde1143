package io.dossier.search.indexing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.names.NameKind;
import io.dossier.names.linking.LinkName;
import io.dossier.names.linking.Mention;
import io.dossier.names.linking.MentionLinker;
import io.dossier.names.matching.Candidate;
import io.dossier.names.matching.IndexedName;
import io.dossier.names.matching.NameIndex;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every name of every registry entity, held in this service for the alias expansion of queries: the same matcher
 * and linker as the entities service's (module {@code names}), fed from the registry's change feed, which every
 * replica reads for itself from the start. A search then finds the names in its query in memory, where two calls to
 * the entities service cost it more than the rest of its own work. The index is updated entity by entity; the
 * linker, immutable, is rebuilt when names changed, at most once per {@link #REBUILD_EVERY_MS}. Until the whole feed
 * has been read once, and while it cannot be read (for {@link #STALE_AFTER_MS}), {@link #ready()} is false and
 * searches ask the entities service instead.
 */
@ApplicationScoped
public class RegistryNames {

    static final long POLL_MS = 500;
    static final long REBUILD_EVERY_MS = 2000;
    /** After a failed read, the next try waits this long (the entities service may be starting or away). */
    static final long RETRY_MS = 5000;
    /** Names not read from the feed for this long are not used: searches ask the entities service instead. */
    static final long STALE_AFTER_MS = 15_000;
    private static final int PAGE = 1000;

    /** One entity as the directory knows it. */
    public record Known(String id, String type, String primaryName) {
    }

    /** A name found in a text, with its entity. */
    public record Found(Known entity, int start, int end, String surface, String name) {
    }

    /** A registry entity a name may stand for, scored as the entities service's match scores it. */
    public record Match(Known entity, double score, String matchedName, String rule) {
    }

    private final EntitiesFeedApi feed;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dossier-registry-names");
        thread.setDaemon(true);
        return thread;
    });

    private final NameIndex index = new NameIndex();
    private volatile MentionLinker linker = MentionLinker.build(List.of());
    private volatile Map<UUID, Known> known = Map.of();
    /** Each entity's names as the linker takes them, in the order the feed first named the entities; the follower's. */
    private final Map<UUID, List<LinkName>> linkNames = new java.util.LinkedHashMap<>();
    /** How often at most the linker is rebuilt ({@link #REBUILD_EVERY_MS}; tests set it to 0). */
    long rebuildEveryMs = REBUILD_EVERY_MS;
    /** {@link #STALE_AFTER_MS}; tests shorten it. */
    long staleAfterMs = STALE_AFTER_MS;
    /** When (System.nanoTime) a page of the feed, or its head, was last read. */
    private volatile long lastRead;
    private long position;
    private boolean linkerStale;
    private long lastRebuild;
    private boolean failing;
    private volatile boolean loaded;

    public RegistryNames(@RestClient EntitiesFeedApi feed) {
        this.feed = feed;
    }

    void start(@Observes StartupEvent start) {
        follower.schedule(this::tick, 0, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        follower.shutdownNow();
    }

    /**
     * Whether the names may be used: the whole feed read once, and read again within {@link #STALE_AFTER_MS} (a
     * follower that cannot read the feed would answer with names that may be out of date).
     */
    public boolean ready() {
        return loaded && System.nanoTime() - lastRead < staleAfterMs * 1_000_000;
    }

    /** The registry's names in a text (whole words, longest first, weak names only where the text supports them). */
    public List<Found> mentions(String text) {
        List<Found> found = new ArrayList<>();
        Map<UUID, Known> entities = known;
        for (Mention m : linker.link(text)) {
            Known k = entities.get(m.entityId());
            if (k != null) {
                found.add(new Found(k, m.start(), m.end(), m.surface(), m.name()));
            }
        }
        return found;
    }

    /** The entities a name may stand for, best first, scores rounded as the entities service's answer has them. */
    public List<Match> match(String name, int limit) {
        return known(index.match(name, null, limit));
    }

    /**
     * As {@link #match}, for a close spelling of a registered name only ({@link NameIndex#matchClose}), scoring at
     * least {@code minScore}: what an alias expansion asks, at a third of the time on a query that names no entity.
     */
    public List<Match> matchClose(String name, int limit, double minScore) {
        // the scores answered are rounded to three places: a score that rounds up to minScore is one
        return known(index.matchClose(name, null, limit, minScore - 0.0005));
    }

    private List<Match> known(List<Candidate> candidates) {
        List<Match> out = new ArrayList<>();
        Map<UUID, Known> entities = known;
        for (Candidate c : candidates) {
            Known k = entities.get(c.entityId());
            if (k != null) {
                out.add(new Match(k, Math.round(c.score() * 1000) / 1000.0, c.matchedName(), c.rule()));
            }
        }
        return out;
    }

    /** The entity with this id, if the directory knows it. */
    public Optional<Known> entity(String id) {
        try {
            return Optional.ofNullable(known.get(UUID.fromString(id)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void tick() {
        long delay = POLL_MS;
        try {
            follow();
            if (failing) {
                Log.infof("Registry names: reading the entities feed again, at %d", position);
                failing = false;
            }
        } catch (jakarta.ws.rs.ProcessingException | jakarta.ws.rs.WebApplicationException e) {
            // the entities service away, starting, or refusing for a moment
            delay = RETRY_MS;
            if (!failing) {
                Log.infof("Registry names: the entities feed did not answer (%s); searches ask the entities service"
                        + " while it does not", e.getMessage());
                failing = true;
            }
        } catch (Throwable e) {
            delay = RETRY_MS;
            if (!failing) {
                Log.warnf(e, "Registry names: reading the entities feed failed at %d; retrying", position);
                failing = true;
            }
        } finally {
            if (!follower.isShutdown()) {
                follower.schedule(this::tick, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    void follow() {
        while (true) {
            EntitiesFeedApi.Page page = feed.changes(position, PAGE);
            if (page.changes().isEmpty()) {
                break;
            }
            apply(page.changes());
            linkerStale = true; // before the next page, which may fail: the linker must still learn these
            position = page.next();
            lastRead = System.nanoTime(); // a long catch-up is not a feed that does not answer
            if (position >= page.head()) {
                break;
            }
        }
        lastRead = System.nanoTime();
        long now = System.currentTimeMillis();
        if (!loaded || (linkerStale && now - lastRebuild >= rebuildEveryMs)) {
            List<LinkName> all = new ArrayList<>();
            linkNames.values().forEach(all::addAll);
            linker = MentionLinker.build(all);
            linkerStale = false;
            lastRebuild = now;
            if (!loaded) {
                loaded = true;
                Log.infof("Registry names: %d entities, %d names, read from the entities feed through %d",
                        known.size(), all.size(), position);
            }
        }
    }

    private void apply(List<EntitiesFeedApi.Entry> changes) {
        Map<UUID, Known> next = new HashMap<>(known);
        for (EntitiesFeedApi.Entry change : changes) {
            UUID id;
            try {
                id = UUID.fromString(change.entityId());
            } catch (IllegalArgumentException e) {
                continue;
            }
            EntitiesFeedApi.Entity e = change.entity();
            if (e == null || e.mergedInto() != null) {
                index.remove(id);
                linkNames.remove(id);
                next.remove(id);
                continue;
            }
            List<IndexedName> indexed = new ArrayList<>();
            List<LinkName> linked = new ArrayList<>();
            for (EntitiesFeedApi.Name n : e.names() == null ? List.<EntitiesFeedApi.Name>of() : e.names()) {
                if (n.value() == null || n.value().isBlank()) {
                    continue;
                }
                NameKind kind = kind(n.kind());
                indexed.add(new IndexedName(id, e.type(), n.value(), kind));
                linked.add(new LinkName(id, n.value(), kind));
            }
            index.put(id, e.type(), indexed);
            linkNames.put(id, linked);
            next.put(id, new Known(e.id(), e.type(), e.primaryName()));
        }
        known = Map.copyOf(next);
    }

    private static NameKind kind(String kind) {
        try {
            return kind == null ? NameKind.ALIAS : NameKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            return NameKind.WEAK_ALIAS; // a kind this version does not know: matched and linked only cautiously
        }
    }
}
