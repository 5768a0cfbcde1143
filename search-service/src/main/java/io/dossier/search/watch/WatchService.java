package io.dossier.search.watch;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.dossier.common.problem.ProblemException;
import io.dossier.search.indexing.EntityIndex;
import io.dossier.search.query.SavedSearch;
import io.dossier.search.query.SearchService;
import io.quarkus.narayana.jta.QuarkusTransaction;

import co.elastic.clients.elasticsearch.ElasticsearchClient;

/** Watches: saved, checked (the search's own rules), listed and removed; each belongs to the user who made it. */
@ApplicationScoped
public class WatchService {

    /** At most this many watches per user. */
    static final int MAX_PER_USER = 200;
    private static final Pattern UUID_FORM = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
            + "[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final WatchRepository watches;
    private final NotificationRepository notifications;
    private final WatchCompiler compiler;
    private final SearchService search;
    private final ElasticsearchClient client;
    private final EntityIndex entities;

    WatchService(WatchRepository watches, NotificationRepository notifications, WatchCompiler compiler,
            SearchService search, ElasticsearchClient client, EntityIndex entities) {
        this.watches = watches;
        this.notifications = notifications;
        this.compiler = compiler;
        this.search = search;
        this.client = client;
        this.entities = entities;
    }

    /**
     * Saves a new watch. The search's registry names are looked up before the transaction opens: a call to another
     * service is never made while a database transaction is held (its reply arrives on another thread).
     */
    WatchDtos.WatchView create(WatchDtos.WatchRequest request, Caller caller) {
        if (request == null) {
            throw new ProblemException(400, "send a watch: {\"name\", \"query\", \"filters\"} or {\"name\", "
                    + "\"entityId\"}");
        }
        Watch w = new Watch();
        w.id = UUID.randomUUID();
        w.ownerId = caller.id();
        w.ownerName = caller.name();
        w.name = name(request.name());
        boolean byQuery = request.query() != null;
        boolean byEntity = request.entityId() != null;
        if (byQuery == byEntity) {
            throw new ProblemException(400, "a watch is a search (query, with filters if any) or an entity "
                    + "(entityId): give one of the two");
        }
        if (byEntity) {
            if (request.filters() != null) {
                throw ProblemException.invalidField("filters", "an entity watch takes no filters");
            }
            w.entityId = entity(request.entityId());
            w.chosenEntityId = w.entityId;
        } else {
            prepareSearch(request.query(), request.filters()).applyTo(w);
        }
        setDelivery(w, request.delivery() == null ? "app" : request.delivery(), caller);
        return QuarkusTransaction.requiringNew().call(() -> {
            // the limit, counted under a lock on the owner's name, so two requests at once cannot pass it together
            watches.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext(?1))")
                    .setParameter(1, caller.id()).getSingleResult();
            if (watches.countOfOwner(caller.id()) >= MAX_PER_USER) {
                throw new ProblemException(409, "You have " + MAX_PER_USER + " watches, the most one user may have: "
                        + "delete one to add another");
            }
            w.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            w.updatedAt = w.createdAt;
            watches.persist(w);
            return view(w, null, null);
        });
    }

    /** Changes a watch; a changed search is checked and expanded before the transaction opens, as in create. */
    WatchDtos.WatchView update(UUID id, WatchDtos.WatchPatch patch, Caller caller) {
        if (patch == null) {
            throw new ProblemException(400, "send the fields to change");
        }
        PreparedSearch search = null;
        long version = -1;
        if (patch.query() != null || patch.filters() != null) {
            Watch before = QuarkusTransaction.requiringNew().call(() -> {
                Watch found = owned(id, caller, false);
                watches.getEntityManager().detach(found);
                return found;
            });
            if (before.watchesEntity()) {
                throw new ProblemException(400, "an entity watch has no query or filters; watch a search instead");
            }
            search = prepareSearch(patch.query() == null ? before.query : patch.query(),
                    patch.filters() == null ? compiler.filters(before) : patch.filters());
            version = before.version;
        }
        PreparedSearch changedSearch = search;
        long readVersion = version;
        return QuarkusTransaction.requiringNew().call(() -> {
            Watch w = owned(id, caller, false);
            if (changedSearch != null && w.version != readVersion) {
                throw conflict();
            }
            if (patch.name() != null) {
                w.name = name(patch.name());
            }
            if (patch.delivery() != null) {
                setDelivery(w, patch.delivery(), caller);
            }
            if (changedSearch != null) {
                changedSearch.applyTo(w);
            }
            w.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
            try {
                watches.flush();
            } catch (jakarta.persistence.OptimisticLockException e) {
                throw conflict();
            }
            return view(w, notifications.lastMatched(List.of(w.id), caller.readable()).get(w.id), null);
        });
    }

    private static ProblemException conflict() {
        return new ProblemException(409, "This watch was changed meanwhile; look at it again and retry");
    }

    @Transactional
    void delete(UUID id, Caller caller) {
        watches.delete(owned(id, caller, true));
    }

    @Transactional
    WatchDtos.WatchView get(UUID id, Caller caller) {
        Watch w = owned(id, caller, true);
        List<WatchDtos.NotificationView> last = new ArrayList<>();
        String readableFilter = caller.readable() == null ? "" : " and collection in :readable";
        var query = notifications.getEntityManager().createQuery("from Notification where watchId = :watch"
                + readableFilter + " order by id desc", Notification.class).setParameter("watch", id)
                .setMaxResults(5);
        if (caller.readable() != null) {
            query.setParameter("readable", caller.readable().isEmpty() ? Set.of("") : caller.readable());
        }
        for (Notification n : query.getResultList()) {
            last.add(NotificationService.view(n, w.name));
        }
        return view(w, notifications.lastMatched(List.of(id), caller.readable()).get(id), last);
    }

    /** The caller's watches, or with {@code all} (administrators) everyone's, oldest first. */
    @Transactional
    List<WatchDtos.WatchView> list(Caller caller, boolean all, int offset, int size) {
        if (all && !caller.admin()) {
            throw new ProblemException(403, "Only administrators may list everyone's watches");
        }
        List<Watch> found = all
                ? watches.findAll(io.quarkus.panache.common.Sort.by("createdAt").and("id"))
                        .range(offset, offset + size - 1).list()
                : watches.ofOwner(caller.id());
        Map<UUID, OffsetDateTime> last = notifications.lastMatched(found.stream().map(w -> w.id).toList(),
                caller.readable());
        return found.stream().map(w -> view(w, last.get(w.id), null)).toList();
    }

    private Watch owned(UUID id, Caller caller, boolean adminToo) {
        Watch w = watches.findById(id);
        if (w == null || !(w.ownerId.equals(caller.id()) || (adminToo && caller.admin()))) {
            throw ProblemException.notFound("No watch " + id + " of yours");
        }
        return w;
    }

    /** A saved search checked and expanded, ready to be written to a watch. */
    private record PreparedSearch(String query, String filters, String expansion) {

        void applyTo(Watch w) {
            w.query = query;
            w.filters = filters;
            w.expansion = expansion;
        }
    }

    private PreparedSearch prepareSearch(String query, SavedSearch.Filters filters) {
        if (query.indexOf('\u0000') >= 0) {
            throw ProblemException.invalidField("query", "no control characters");
        }
        SavedSearch.Filters f = filters == null ? SavedSearch.Filters.NONE : filters;
        checkFilters(f);
        List<SavedSearch.Alias> aliases = search.aliases(query, f); // 400 for a query the search refuses
        try {
            WatchCompiler.compile(query, f, aliases);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(400, "This search cannot be watched: " + e.getMessage());
        }
        return new PreparedSearch(query, compiler.write(f), compiler.write(aliases));
    }

    /**
     * Marks the saved searches a registry change may expand differently, for {@link WatchReexpander}: those whose
     * expansion names a changed entity (a name removed, a merge, a deletion) and those whose words hold a changed
     * entity's name (a new entity, a new alias). No call to the entities service here: this runs on the indexer's
     * thread. Returns how many were marked.
     */
    @Transactional
    public int markStale(Map<String, List<String>> foldedNames) {
        if (foldedNames.isEmpty()) {
            return 0;
        }
        Set<String> names = new java.util.HashSet<>();
        foldedNames.values().forEach(list -> list.stream().map(WatchService::words).filter(n -> n.strip().length() >= 2)
                .forEach(names::add));
        List<UUID> stale = new ArrayList<>();
        for (Watch w : watches.list("query is not null")) {
            boolean affected = compiler.aliases(w).stream().anyMatch(a -> foldedNames.containsKey(a.entityId()));
            if (!affected) {
                String query = words(io.dossier.common.text.TextFolding.fold(w.query));
                affected = names.stream().anyMatch(query::contains);
            }
            if (affected) {
                stale.add(w.id);
            }
        }
        if (!stale.isEmpty()) {
            // not through the entities: neither their version nor their update time moves (nothing changed yet)
            watches.getEntityManager().unwrap(org.hibernate.Session.class).doWork(connection -> {
                try (var mark = connection
                        .prepareStatement("UPDATE watch SET expansion_stale = true WHERE id = ANY(?)")) {
                    mark.setArray(1, connection.createArrayOf("uuid", stale.toArray()));
                    mark.executeUpdate();
                }
            });
        }
        return stale.size();
    }

    /** Watches marked for a new expansion, at most {@code limit}. */
    @SuppressWarnings("unchecked")
    List<UUID> staleIds(int limit) {
        return watches.getEntityManager()
                .createNativeQuery("SELECT id FROM watch WHERE expansion_stale ORDER BY updated_at LIMIT ?1",
                        UUID.class)
                .setParameter(1, limit).getResultList();
    }

    /** A marked watch's query and filters, with its version, or null if it is gone. */
    @Transactional
    Watch staleWatch(UUID id) {
        Watch w = watches.findById(id);
        if (w == null) {
            return null;
        }
        watches.getEntityManager().detach(w);
        return w;
    }

    /**
     * The watch's expansion as the registry gives it now, written if the watch was not edited meanwhile (its version
     * unchanged); the mark cleared. Returns whether the expansion changed.
     */
    @Transactional
    boolean reexpanded(Watch w, List<SavedSearch.Alias> fresh) {
        boolean changed = !fresh.equals(compiler.aliases(w));
        var em = watches.getEntityManager();
        if (changed) {
            em.createNativeQuery("UPDATE watch SET expansion = cast(?1 AS jsonb), expansion_stale = false, "
                    + "updated_at = now(), version = version + 1 WHERE id = ?2 AND version = ?3")
                    .setParameter(1, compiler.write(fresh)).setParameter(2, w.id).setParameter(3, w.version)
                    .executeUpdate();
        } else {
            em.createNativeQuery("UPDATE watch SET expansion_stale = false WHERE id = ?1 AND version = ?2")
                    .setParameter(1, w.id).setParameter(2, w.version).executeUpdate();
        }
        return changed;
    }

    /** The aliases the search finds in a saved search now; empty when the registry did not answer. */
    java.util.Optional<List<SavedSearch.Alias>> expandNow(Watch w) {
        return search.aliasesIfAnswered(w.query, compiler.filters(w));
    }

    /** Letters and digits only, each run between single spaces: " kataib hezbollah ". */
    private static String words(String folded) {
        return " " + String.join(" ", folded.split("[^\\p{L}\\p{N}]+")).strip() + " ";
    }

    private static void setDelivery(Watch w, String delivery, Caller caller) {
        if (!Set.of("app", "immediate", "hourly", "daily").contains(delivery)) {
            throw ProblemException.invalidField("delivery", "must be app, immediate, hourly or daily");
        }
        if (!delivery.equals("app") && (caller.email() == null || caller.email().isBlank())) {
            throw ProblemException.invalidField("delivery", "your account has no e-mail address to send to");
        }
        w.delivery = delivery;
        w.ownerEmail = caller.email();
    }

    private static void checkFilters(SavedSearch.Filters f) {
        Map<String, List<String>> lists = Map.of("entity", f.entity(), "type", f.type(), "publisher",
                f.publisher(), "language", f.language(), "collection", f.collection(), "tag", f.tag());
        for (Map.Entry<String, List<String>> e : lists.entrySet()) {
            if (e.getValue().size() > 20) {
                throw ProblemException.invalidField("filters." + e.getKey(), "at most 20 values");
            }
            for (String v : e.getValue()) {
                if (v == null || v.isBlank() || v.length() > 300 || v.indexOf('\u0000') >= 0) {
                    throw ProblemException.invalidField("filters." + e.getKey(),
                            "each value between 1 and 300 characters, without control characters");
                }
            }
        }
        for (String entity : f.entity()) {
            if (!UUID_FORM.matcher(entity).matches()) {
                throw ProblemException.invalidField("filters.entity", "must be entity ids: " + entity);
            }
        }
        for (java.time.LocalDate date : java.util.Arrays.asList(f.publishedFrom(), f.publishedTo())) {
            if (date != null && (date.getYear() < 1 || date.getYear() > 9999)) {
                throw ProblemException.invalidField("filters.publishedFrom", "dates are between the years 1 and 9999");
            }
        }
        if (f.publishedFrom() != null && f.publishedTo() != null && f.publishedFrom().isAfter(f.publishedTo())) {
            throw ProblemException.invalidField("filters.publishedFrom", "is after publishedTo");
        }
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalidField("name", "give the watch a name");
        }
        if (name.length() > 200) {
            throw ProblemException.invalidField("name", "at most 200 characters");
        }
        if (name.indexOf('\u0000') >= 0) {
            throw ProblemException.invalidField("name", "no control characters");
        }
        return name.strip();
    }

    /** An entity of the registry, as the search service's copy of it holds it. */
    private UUID entity(String id) {
        if (!UUID_FORM.matcher(id).matches()) {
            throw ProblemException.invalidField("entityId", "must be an entity id");
        }
        try {
            boolean found = client.exists(e -> e.index(entities.name()).id(id.toLowerCase())).value();
            if (!found) {
                throw ProblemException.invalidField("entityId", "no entity " + id + " in the registry");
            }
        } catch (IOException | co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            throw new ProblemException(503, "The registry cannot be checked right now; try again shortly");
        }
        return UUID.fromString(id);
    }

    private WatchDtos.WatchView view(Watch w, OffsetDateTime lastMatched, List<WatchDtos.NotificationView> last) {
        return new WatchDtos.WatchView(w.id.toString(), w.name, w.watchesEntity() ? "entity" : "search", w.query,
                w.watchesEntity() ? null : compiler.filters(w), w.entityId == null ? null : w.entityId.toString(),
                w.watchesEntity() ? List.of() : compiler.aliases(w), w.ownerName, w.delivery, w.createdAt,
                w.updatedAt,
                lastMatched, last);
    }
}
