package io.dossier.entities.lookup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.dossier.common.problem.ProblemException;
import io.dossier.names.NameKind;
import io.dossier.names.linking.LinkName;
import io.dossier.names.linking.MentionLinker;
import io.dossier.names.matching.IndexedName;
import io.dossier.names.matching.NameIndex;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Every name of every entity, in memory, for matching and mention linking. Loaded from the database at start, then
 * kept current by following the registry's own change feed in the database, so every instance of the service sees
 * every change, whichever instance made it. The name index is updated entity by entity; the linker, immutable, is
 * rebuilt when names changed, at most once per {@link #REBUILD_EVERY}.
 */
@ApplicationScoped
public class NameDirectory {

    static final Duration POLL = Duration.ofMillis(500);
    static final Duration REBUILD_EVERY = Duration.ofSeconds(2);

    /** One entity as the directory knows it. */
    public record Known(UUID id, String type, String primaryName) {
    }

    private final EntityManager em;
    private final ScheduledExecutorService follower = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "dossier-name-directory");
        thread.setDaemon(true);
        return thread;
    });

    private volatile NameIndex index = new NameIndex();
    private volatile MentionLinker linker = MentionLinker.build(List.of());
    /** The registry feed sequence the linker reflects: every change up to it is in {@link #linker}. */
    private volatile long linkerSeq;
    private volatile Map<UUID, Known> known = Map.of();
    private volatile long position;
    private boolean linkerStale;
    private long lastRebuild;
    private volatile boolean ready;

    @Inject
    NameDirectory self;

    public NameDirectory(EntityManager em) {
        this.em = em;
    }

    void start(@Observes StartupEvent start) {
        follower.scheduleWithFixedDelay(() -> {
            try {
                self.follow();
            } catch (RuntimeException e) {
                Log.warnf(e, "Following the registry feed failed; retrying");
            }
        }, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        follower.shutdownNow();
    }

    public NameIndex index() {
        return index;
    }

    public MentionLinker linker() {
        return linker;
    }

    /** The registry feed sequence {@link #linker()} reflects (it may reflect later changes too). */
    public long linkerSeq() {
        return linkerSeq;
    }

    /** The registry feed sequence the name index reflects: it moves with every change of the registry. */
    public long position() {
        return position;
    }

    /** Every entity the directory knows (merged ones aside). */
    public Collection<Known> entities() {
        return known.values();
    }

    public Known entity(UUID id) {
        return known.get(id);
    }

    /** Whether the directory has loaded the registry once (before that, matching would find nothing). */
    public boolean ready() {
        return ready;
    }

    /** Refuses (503) a lookup before the registry is loaded, rather than answer "nothing found". */
    public void requireReady() {
        if (!ready) {
            throw new ProblemException(503, "The registry is still loading; retry in a moment");
        }
    }

    @ActivateRequestContext
    void follow() {
        if (!ready) {
            loadAll();
            return;
        }
        List<Object[]> changes = em.createQuery(
                "select c.seq, c.entityId from EntityChange c where c.seq > :after order by c.seq", Object[].class)
                .setParameter("after", position).setMaxResults(10_000).getResultList();
        if (!changes.isEmpty()) {
            List<UUID> ids = changes.stream().map(row -> (UUID) row[1]).distinct().toList();
            Map<UUID, Entry> entries = load(ids);
            Map<UUID, Known> next = new HashMap<>(known);
            for (UUID id : ids) {
                Entry entry = entries.get(id);
                if (entry == null) {
                    index.remove(id);
                    next.remove(id);
                } else {
                    index.put(id, entry.known().type(), entry.names());
                    next.put(id, entry.known());
                }
            }
            known = Map.copyOf(next);
            position = (Long) changes.get(changes.size() - 1)[0];
            linkerStale = true;
        }
        if (linkerStale && System.currentTimeMillis() - lastRebuild >= REBUILD_EVERY.toMillis()) {
            rebuildLinker();
        }
    }

    private void loadAll() {
        Long head = em.createQuery("select max(c.seq) from EntityChange c", Long.class).getSingleResult();
        Map<UUID, Entry> entries = load(null);
        NameIndex fresh = new NameIndex();
        Map<UUID, Known> all = new HashMap<>();
        entries.forEach((id, entry) -> {
            fresh.put(id, entry.known().type(), entry.names());
            all.put(id, entry.known());
        });
        index = fresh;
        known = Map.copyOf(all);
        position = head == null ? 0 : head;
        rebuildLinker();
        ready = true;
        Log.infof("Name directory: %d entities, %d names", all.size(), fresh.size());
    }

    private void rebuildLinker() {
        long through = position; // the names read below are at least this recent
        List<LinkName> names = new ArrayList<>();
        for (Object[] row : em.createQuery("select n.entity.id, n.value, n.kind from EntityName n"
                + " where n.entity.mergedInto is null", Object[].class).getResultList()) {
            names.add(new LinkName((UUID) row[0], (String) row[1], (NameKind) row[2]));
        }
        linker = MentionLinker.build(names);
        linkerSeq = through;
        linkerStale = false;
        lastRebuild = System.currentTimeMillis();
    }

    private record Entry(Known known, List<IndexedName> names) {
    }

    /** The current (not merged) entities among {@code ids} (all when null), with their names. */
    private Map<UUID, Entry> load(List<UUID> ids) {
        String where = " where e.mergedInto is null" + (ids == null ? "" : " and e.id in :ids");
        var entities = em.createQuery("select e.id, e.type, e.primaryName from RegistryEntity e" + where,
                Object[].class);
        var names = em.createQuery("select e.id, n.value, n.kind from EntityName n join n.entity e" + where,
                Object[].class);
        if (ids != null) {
            entities.setParameter("ids", ids);
            names.setParameter("ids", ids);
        }
        Map<UUID, Known> found = new HashMap<>();
        for (Object[] row : entities.getResultList()) {
            UUID id = (UUID) row[0];
            found.put(id, new Known(id, row[1].toString(), (String) row[2]));
        }
        Map<UUID, List<IndexedName>> byEntity = new HashMap<>();
        for (Object[] row : names.getResultList()) {
            UUID id = (UUID) row[0];
            Known k = found.get(id);
            if (k != null) {
                byEntity.computeIfAbsent(id, x -> new ArrayList<>()).add(new IndexedName(id, k.type(),
                        (String) row[1], NameKind.valueOf(row[2].toString())));
            }
        }
        Map<UUID, Entry> entries = new HashMap<>();
        found.forEach((id, k) -> entries.put(id, new Entry(k, byEntity.getOrDefault(id, List.of()))));
        return entries;
    }
}
