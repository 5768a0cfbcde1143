package io.dossier.gateway.ui;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.security.Csrf;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * An entity: its names grouped by script, attributes, relations (a graph, and a list with citations), a timeline of
 * the documents that mention it, the entities mentioned with it, and those documents. Editors add names here.
 */
@Path("/entities")
@RolesAllowed("reader")
@Tag(name = "Web UI")
public class EntityPage {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An analyst's note on a passage that mentions the entity, with its document (the passage in its script). */
    public record EntityNote(String id, String sourceId, String title, String quote, String text, String author,
            String day, String lang, String dir) {

        static EntityNote of(SearchApi.NoteHit n) {
            return new EntityNote(n.id(), n.sourceId(), n.title(), n.quote(), n.text(), n.author(),
                    Views.day(n.createdAt()), Views.lang(n.language()), Views.dir(n.language()));
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance entity(String user, EntitiesApi.Entity entity, List<ScriptNames> names,
                List<Attribute> attributes, List<Attribute> importKeys, List<MergeView> merges,
                List<RelationView> relations, String graph,
                Histogram timeline, SearchApi.CoMentions coMentioned, List<Views.HitView> documents,
                long documentCount, List<EntityNote> notes, boolean editor, String csrf, String message, FormState form,
                List<RelationType> relationTypes);

        static native TemplateInstance options(List<SearchApi.Suggestion> entities);

        static native TemplateInstance sourceOptions(List<SearchApi.Hit> sources);
    }

    /**
     * The codes of what was not done: a refused form is answered with the page itself, so such a code in an address
     * (anyone can write one into a link) shows nothing.
     */
    static final Set<String> FAILURES = Set.of("name-invalid", "name-exists", "relation-invalid", "no-other",
            "no-source", "merge-changed", "merge-refused", "unmerge-refused", "forbidden", "unavailable");

    /**
     * The words for each code: a confirmation after a form's redirect back to the page, or a refused form's reason.
     * The page shows only these fixed words, never text taken from the address.
     */
    static final Map<String, String> NOTICES = Map.ofEntries(
            Map.entry("name-added", "Name added."),
            Map.entry("name-invalid", "The name was not added: check its spelling, its language code (two or three "
                    + "letters, such as en or ar) and its kind."),
            Map.entry("name-exists", "The name was not added: this entity has it already."),
            Map.entry("relation-added", "Relation added."),
            Map.entry("relation-invalid", "The relation was not added: check its dates, and that the cited source "
                    + "exists, is one you may read, and contains the quote word for word."),
            Map.entry("no-other", "No other entity has that name, or several do: pick one from the list, which "
                    + "gives its id."),
            Map.entry("no-source", "No document you may read has that title, or several do: type words of its "
                    + "title and pick it from the list."),
            Map.entry("merged", "Merged: its names, relations and documents are this entity's now."),
            Map.entry("unmerged", "The merge was undone: the other entity has its names, relations and documents "
                    + "back (the documents are linked again in a moment)."),
            Map.entry("unmerge-refused", "The merge could not be undone: it was undone already, or one of the "
                    + "two entities was merged or deleted since."),
            Map.entry("merge-changed", "Someone changed this entity meanwhile: nothing was merged; look again and "
                    + "retry."),
            Map.entry("merge-refused", "Nothing was merged: these two entities cannot be merged (they are of "
                    + "different types, or one was merged already)."),
            Map.entry("forbidden", "Your roles do not allow this change."),
            Map.entry("unavailable", "Dossier could not finish this just now (a service did not answer); nothing was "
                    + "changed. Try again shortly."));

    /** Relations shown on the page (the rest through the API). */
    static final int RELATIONS_SHOWN = 50;
    /** Most sources one lookup of the sources service takes. */
    static final int LOOKUP_MAX = 500;

    static final List<RelationType> RELATION_TYPES = java.util.stream.Stream.of("MEMBER_OF", "LEADER_OF", "PART_OF",
            "ALLIED_WITH", "SPLINTER_OF", "LOCATED_IN", "FOUNDED", "SUCCESSOR_OF", "RIVAL_OF", "FUNDED_BY",
            "ASSOCIATE_OF").map(c -> new RelationType(c, Labels.relation(c))).toList();

    public record ScriptNames(String script, List<NameView> names) {
    }

    /** A name as shown: its language and its kind in words ("Arabic", "in Arabic script", "former name"). */
    public record NameView(String value, String lang, String language, String kind) {
    }

    /** A merge into this entity as the page shows it: the entity merged, by whom and when, undone or not. */
    public record MergeView(String id, String mergedId, String mergedName, String mergedBy, String mergedAt,
            boolean undone, String undoneBy) {
    }

    /** A relation type: its code (the form's value) and its words. */
    public record RelationType(String code, String label) {
    }

    /**
     * An editor's form sent back because the registry refused it: which form, its fields as typed, and why, shown
     * beside the form (in red, the form open) rather than in the page's notice.
     */
    public record FormState(String form, Map<String, String> values, String error) {

        static final FormState NONE = new FormState("", Map.of(), null);

        public boolean failed(String name) {
            return form.equals(name);
        }

        /** A field of form {@code name} as typed, if that form was sent back; else empty. */
        public String of(String name, String field) {
            String v = form.equals(name) ? values.get(field) : null;
            return v == null ? "" : v;
        }

        /** Whether form {@code name} was sent back with {@code option} chosen in {@code field}. */
        public boolean has(String name, String field, String option) {
            return form.equals(name) && option.equals(values.get(field));
        }
    }

    public record Attribute(String name, String values) {
    }

    public record RelationView(String type, String otherId, String otherName, String otherType, boolean outgoing,
            String period, List<CitationView> citations) {
    }

    /** A citation as shown: its source's title (the user may read it: the registry shows no other) and quote. */
    public record CitationView(String sourceId, String title, String quote) {
    }

    private final EntitiesApi entities;
    private final SourcesApi sources;
    private final SearchClient search;
    private final SecurityIdentity identity;
    private final Csrf csrf;

    public EntityPage(@RestClient EntitiesApi entities, @RestClient SourcesApi sources, SearchClient search,
            SecurityIdentity identity, Csrf csrf) {
        this.entities = entities;
        this.sources = sources;
        this.search = search;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Entity page (HTML)")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No such entity")
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("notice") String notice) {
        return render(id, notice == null || FAILURES.contains(notice) ? null : NOTICES.get(notice), FormState.NONE);
    }

    /** The page, with a confirmation on top ({@code message}) or a refused form sent back ({@code form}). */
    private TemplateInstance render(String id, String message, FormState form) {
        EntitiesApi.Entity entity = entity(id);
        if (!entity.id().equals(id)) {
            // a merged-away (or differently written) id: the page is the surviving entity's
            throw new jakarta.ws.rs.RedirectionException(303, URI.create("/entities/" + entity.id()));
        }
        List<RelationView> relations = relations(id, true);
        Histogram timeline = null;
        List<Views.HitView> documents = List.of();
        long documentCount = 0;
        SearchApi.CoMentions coMentioned = null;
        try {
            Map<String, List<String>> params = new LinkedHashMap<>();
            params.put("q", List.of("*"));
            params.put("entity", List.of(id));
            params.put("sort", List.of("date"));
            params.put("size", List.of("10"));
            params.put("dateInterval", List.of("month"));
            SearchApi.Results results = search.search(params);
            documents = results.hits().stream().map(Views.HitView::of).toList();
            documentCount = results.total();
            SearchState only = new SearchState("", false, "date", Map.of("entity", List.of(id)), null);
            timeline = results.facets() == null
                    ? null
                    : Histogram.of(results.facets().dates(), results.total(), only::period);
            coMentioned = search.coMentioned(id, 10);
        } catch (RuntimeException e) {
            Log.debugf("documents of %s not shown: %s", id, e.getMessage());
        }
        List<EntityNote> notes = null;
        try {
            notes = search.notesAbout(id, 20).notes().stream().map(EntityNote::of).toList();
        } catch (RuntimeException e) {
            Log.debugf("notes about %s not shown: %s", id, e.getMessage());
        }
        List<MergeView> merges = List.of();
        try {
            // editors see the merges, to undo one
            merges = !identity
                    .hasRole("editor")
                            ? List.of()
                            : entities.merges(id).stream().map(m -> new MergeView(m.id(), m.mergedId(), m.mergedName(),
                                    m.mergedBy(), Views.day(m.mergedAt()), m.undoneAt() != null, m.undoneBy()))
                                    .toList();
        } catch (RuntimeException e) {
            Log.debugf("merges into %s not shown: %s", id, e.getMessage());
        }
        return Templates.entity(identity.getPrincipal().getName(), entity, byScript(entity), attributes(entity),
                importKeys(entity), merges, relations, graph(entity, relations), timeline, coMentioned, documents,
                documentCount, notes, identity.hasRole("editor"), csrf.token(identity), message, form, RELATION_TYPES);
    }

    /**
     * A refused form: the page again, with the form open, its fields as typed and the reason beside it; the status
     * says what went wrong (400 invalid, 409 conflict, 503 no answer).
     */
    private Response refused(String id, String notice, String form, Map<String, String> values) {
        int status = switch (notice) {
            case "name-exists", "merge-changed", "merge-refused", "unmerge-refused" -> 409;
            case "forbidden" -> 403;
            case "unavailable" -> 503;
            default -> 400;
        };
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(render(id, null, new FormState(form, values, NOTICES.get(notice)))).build();
    }

    /**
     * The entity's relations (the first {@value #RELATIONS_SHOWN}), each with the other entity's name and its
     * citations' titles: three calls (one more per 500 cited sources), whatever the number of relations. The registry shows a
     * user only the citations of sources that user may read; their titles come from the sources service, with the
     * same token. A part that does not answer is left out of the page rather than holding it up.
     */
    private List<RelationView> relations(String id, boolean withCitations) {
        List<EntitiesApi.Relation> found;
        try {
            found = entities.relations(id, RELATIONS_SHOWN);
        } catch (RuntimeException e) {
            Log.debugf("relations of %s not shown: %s", id, e.getMessage());
            return List.of();
        }
        Set<String> others = new LinkedHashSet<>();
        Set<String> cited = new LinkedHashSet<>();
        for (EntitiesApi.Relation r : found) {
            others.add(id.equals(r.subjectId()) ? r.objectId() : r.subjectId());
            if (r.citations() != null) {
                r.citations().forEach(c -> cited.add(c.sourceId()));
            }
        }
        Map<String, EntitiesApi.Entity> named = new java.util.HashMap<>();
        try {
            if (!others.isEmpty()) {
                entities.entities(List.copyOf(others), others.size()).entities().forEach(e -> named.put(e.id(), e));
            }
        } catch (RuntimeException e) {
            Log.debugf("names of the entities related to %s not shown: %s", id, e.getMessage());
        }
        Map<String, String> titles = new java.util.HashMap<>();
        if (!withCitations) {
            cited.clear(); // the graph shows no citations: their titles are not asked for
        }
        try {
            List<String> ids = List.copyOf(cited);
            for (int from = 0; from < ids.size(); from += LOOKUP_MAX) {
                sources.lookup(new SourcesApi.Lookup(ids.subList(from, Math.min(ids.size(), from + LOOKUP_MAX))))
                        .sources().forEach(src -> titles.put(src.id(), src.title()));
            }
        } catch (RuntimeException e) {
            Log.debugf("titles of the sources cited on %s not shown: %s", id, e.getMessage());
        }
        List<RelationView> relations = new ArrayList<>();
        for (EntitiesApi.Relation r : found) {
            boolean outgoing = id.equals(r.subjectId());
            String other = outgoing ? r.objectId() : r.subjectId();
            String period = r.startDate() == null && r.endDate() == null
                    ? null
                    : (r.startDate() == null ? "" : r.startDate()) + "–" + (r.endDate() == null
                            ? ""
                            : r.endDate());
            // a citation is shown only when its source's title came back: the sources service said the user may
            // read it (the registry already left out the others; this holds even against an older registry)
            List<CitationView> citations = r.citations() == null
                    ? List.of()
                    : r.citations().stream().filter(c -> titles.containsKey(c.sourceId()))
                            .map(c -> new CitationView(c.sourceId(), titles.get(c.sourceId()), c.quote())).toList();
            EntitiesApi.Entity o = named.get(other);
            relations.add(new RelationView(r.type().toLowerCase(Locale.ROOT).replace('_', ' '), other,
                    o == null ? other : o.primaryName(), o == null ? null : o.type(), outgoing, period, citations));
        }
        return relations;
    }

    @POST
    @Path("{id}/names")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add a name to an entity (form of the entity page; editors)")
    @APIResponse(responseCode = "303", description = "Back to the entity page, with what happened")
    @APIResponse(responseCode = "403", description = "No editor role, or no valid form token")
    public Response addName(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("value") String value, @FormParam("lang") String lang, @FormParam("kind") String kind) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No entity " + id);
        }
        if (!identity.hasRole("editor")) {
            throw new ProblemException(403, "Adding names needs the editor role");
        }
        String notice;
        try {
            entities.addName(id, new EntitiesApi.NewName(value, lang == null || lang.isBlank() ? null : lang.strip(),
                    kind == null || kind.isBlank() ? null : kind));
            return back(id, "name-added");
        } catch (WebApplicationException e) {
            notice = failure(e, "name-invalid", "name-exists");
        } catch (RuntimeException e) {
            notice = "unavailable";
        }
        return refused(id, notice, "name", Map.of("value", nz(value), "lang", nz(lang), "kind", nz(kind)));
    }

    @POST
    @Path("{id}/relations")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Add a relation with its citation (form of the entity page; editors)")
    @APIResponse(responseCode = "303", description = "Back to the entity page, with what happened")
    @APIResponse(responseCode = "403", description = "No editor role, or no valid form token")
    public Response addRelation(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("type") String type, @FormParam("other") String other,
            @FormParam("direction") String direction, @FormParam("sourceId") String sourceId,
            @FormParam("quote") String quote, @FormParam("startDate") String startDate,
            @FormParam("endDate") String endDate) {
        checkEditor(id, token);
        String notice;
        String otherId = null;
        String cited = null;
        boolean answered = true;
        try {
            otherId = resolve(other, id);
            cited = sourceId == null || sourceId.isBlank() ? "" : resolveSource(sourceId);
        } catch (Unanswered e) {
            answered = false;
            Log.infof("relation form on %s: the search service did not answer: %s", id, e.getMessage());
        }
        if (!answered) {
            notice = "unavailable";
        } else if (otherId == null) {
            notice = "no-other";
        } else if (cited == null) {
            notice = "no-source";
        } else {
            boolean outgoing = !"incoming".equals(direction);
            List<EntitiesApi.Citation> citations = cited.isEmpty()
                    ? List.of()
                    : List.of(new EntitiesApi.Citation(cited, quote == null || quote.isBlank() ? null : quote.strip()));
            try {
                entities.addRelation(new EntitiesApi.NewRelation(outgoing ? id : otherId, outgoing ? otherId : id,
                        type, blankToNull(startDate), blankToNull(endDate), citations));
                return back(id, "relation-added");
            } catch (WebApplicationException e) {
                notice = failure(e, "relation-invalid", "relation-invalid");
            } catch (RuntimeException e) {
                notice = "unavailable";
            }
        }
        return refused(id, notice, "relation", Map.of("type", nz(type), "other", nz(other), "direction",
                nz(direction), "sourceId", nz(sourceId), "quote", nz(quote), "startDate", nz(startDate), "endDate",
                nz(endDate)));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Merge another entity into this one (form of the entity page; editors)")
    @APIResponse(responseCode = "303", description = "Back to the entity page, with what happened")
    @APIResponse(responseCode = "403", description = "No editor role, or no valid form token")
    public Response merge(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("other") String other, @FormParam("version") String version) {
        checkEditor(id, token);
        String otherId;
        try {
            otherId = resolve(other, id);
        } catch (Unanswered e) {
            Log.infof("merge form on %s: the search service did not answer: %s", id, e.getMessage());
            return refused(id, "unavailable", "merge", Map.of("other", nz(other)));
        }
        String notice;
        if (otherId == null || otherId.equalsIgnoreCase(id)) {
            notice = "no-other";
        } else {
            try {
                entities.merge(id, "\"" + (version == null ? "" : version.strip()) + "\"",
                        new EntitiesApi.Merge(otherId));
                return back(id, "merged");
            } catch (WebApplicationException e) {
                notice = e.getResponse().getStatus() == 412
                        ? "merge-changed"
                        : failure(e, "merge-refused", "merge-refused");
            } catch (RuntimeException e) {
                notice = "unavailable";
            }
        }
        return refused(id, notice, "merge", Map.of("other", nz(other)));
    }

    @POST
    @Path("{id}/merges/{mergeId}/undo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Undo a merge into an entity (form of the entity page; editors)")
    @APIResponse(responseCode = "303", description = "Back to the entity page, with what happened")
    @APIResponse(responseCode = "403", description = "No editor role, or no valid form token")
    @APIResponse(responseCode = "409", description = "The merge could not be undone: the page again with the reason")
    public Response undoMerge(@PathParam("id") String id, @PathParam("mergeId") String mergeId,
            @FormParam("csrf") String token) {
        checkEditor(id, token);
        if (!mergeId.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No merge " + mergeId);
        }
        String notice;
        try {
            entities.undoMerge(id, mergeId);
            return back(id, "unmerged");
        } catch (WebApplicationException e) {
            notice = switch (e.getResponse().getStatus()) {
                case 403 -> "forbidden";
                case 404, 409 -> "unmerge-refused";
                default -> "unavailable";
            };
        } catch (RuntimeException e) {
            notice = "unavailable";
        }
        return refused(id, notice, "unmerge", Map.of());
    }

    @GET
    @Path("{id}/graph")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "An entity's relations as a graph (for the page's script)", description = "Its nodes (id, name, type) and links (source, target, label): what the graph on an entity page adds when a neighbour is clicked. Citations are not part of it.")
    @APIResponse(responseCode = "200", description = "The graph")
    @APIResponse(responseCode = "404", description = "No such entity")
    public Response graphOf(@PathParam("id") String id) {
        EntitiesApi.Entity entity = entity(id);
        return Response.ok(graph(entity, relations(entity.id(), false)), MediaType.APPLICATION_JSON).build();
    }

    /** The entity (or the one it was merged into), or the problem the user sees: 404, 403 or 503. */
    private EntitiesApi.Entity entity(String id) {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No entity " + id);
        }
        try {
            return entities.entity(id);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 403) {
                throw new ProblemException(403, "Your roles do not allow reading the registry");
            }
            throw new ProblemException(status == 404 || status == 400 ? 404 : 503,
                    status == 404 || status == 400 ? "No entity " + id : "The registry is unavailable right now");
        } catch (RuntimeException e) {
            throw new ProblemException(503, "The registry is unavailable right now");
        }
    }

    @GET
    @Path("options")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Entity names for a form's list (an HTML fragment of options)")
    @APIResponse(responseCode = "200", description = "Options")
    public TemplateInstance options(@QueryParam("other") String q) {
        List<SearchApi.Suggestion> found = List.of();
        if (q != null && !q.isBlank() && q.length() <= 200) {
            try {
                found = search.suggest(q.strip(), 8).entities();
            } catch (RuntimeException e) {
                found = List.of();
            }
        }
        return Templates.options(found);
    }

    private void checkEditor(String id, String token) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No entity " + id);
        }
        if (!identity.hasRole("editor")) {
            throw new ProblemException(403, "Changing the registry needs the editor role");
        }
    }

    /**
     * An entity id (what the form's list gives), or the one other entity than {@code self} whose name is exactly this;
     * null when there is none, or more than one (a merge must never pick a namesake by chance).
     */
    private String resolve(String other, String self) {
        if (other == null || other.isBlank()) {
            return null;
        }
        String o = other.strip();
        if (o.matches("[0-9a-fA-F-]{36}")) {
            return o.toLowerCase(Locale.ROOT);
        }
        try {
            List<String> named = search.suggest(o, 20).entities().stream()
                    .filter(s -> !s.id().equals(self))
                    .filter(s -> o.equalsIgnoreCase(s.primaryName()) || o.equalsIgnoreCase(s.matchedName()))
                    .map(SearchApi.Suggestion::id).distinct().toList();
            return named.size() == 1 ? named.get(0) : null;
        } catch (RuntimeException e) {
            throw new Unanswered(e);
        }
    }

    /** The search service did not answer while a form's other entity or document was looked up. */
    private static final class Unanswered extends RuntimeException {

        Unanswered(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /**
     * The source a citation names: the id in brackets at the end of a picked suggestion ("Title [id]"), an id alone,
     * or the one document the user may read whose title is exactly this; "" for none given, null when there is no
     * such document or several. Asked of the search service with the user's token, so only readable documents count.
     */
    private String resolveSource(String text) {
        String t = text.strip();
        java.util.regex.Matcher id = SOURCE_ID.matcher(t);
        if (id.find()) {
            return id.group(1).toLowerCase(Locale.ROOT);
        }
        if (t.length() > 1000) {
            return null;
        }
        try {
            List<String> titled = titled(t, 20).stream().filter(h -> t.equalsIgnoreCase(h.title()))
                    .map(SearchApi.Hit::id).distinct().toList();
            return titled.size() == 1 ? titled.get(0) : null;
        } catch (RuntimeException e) {
            throw new Unanswered(e);
        }
    }

    /** An id alone, or at the end of a suggestion in brackets. */
    private static final java.util.regex.Pattern SOURCE_ID = java.util.regex.Pattern.compile(
            "(?:^|\\[)([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\\]?$");

    /**
     * Documents the user may read whose titles have these words. The words are searched as words: the search's
     * syntax (brackets, quotes of any script, operators, a leading + - or !) is taken out, and the text is put in
     * lower case, so a title saying NOT or AND is not read as an operator.
     */
    private List<SearchApi.Hit> titled(String words, int size) {
        String plain = words.replaceAll("[()\\[\\]{}:\"'^~*?\\\\/«»“”„‟＂&|+!-]", " ").toLowerCase(Locale.ROOT);
        Map<String, List<String>> params = new LinkedHashMap<>();
        params.put("q", List.of("title:(" + plain + ")"));
        params.put("size", List.of(Integer.toString(size)));
        return search.search(params).hits();
    }

    @GET
    @Path("source-options")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Documents for a citation, by words of their titles (an HTML fragment of options)", description = "Only documents the caller may read: the search service applies the collection rule.")
    @APIResponse(responseCode = "200", description = "Options, each \"title [id]\"")
    public TemplateInstance sourceOptions(@QueryParam("sourceId") String q) {
        List<SearchApi.Hit> found = List.of();
        if (q != null && !q.isBlank() && q.length() <= 300 && !SOURCE_ID.matcher(q.strip()).find()) {
            try {
                found = titled(q.strip(), 8);
            } catch (RuntimeException e) {
                found = List.of(); // an aid: no suggestions rather than an error
            }
        }
        return Templates.sourceOptions(found);
    }

    /** The notice for a change the registry refused: invalid input, a conflict, no right, or no answer. */
    private static String failure(WebApplicationException e, String invalid, String conflict) {
        return switch (e.getResponse().getStatus()) {
            case 400, 404, 422 -> invalid;
            case 409 -> conflict;
            case 403 -> "forbidden";
            default -> "unavailable";
        };
    }

    private static Response back(String id, String notice) {
        return Response.seeOther(URI.create("/entities/" + id + "?notice=" + notice)).build();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Names grouped by the script they are written in (Latin, Arabic, ...), primary name first. */
    static List<ScriptNames> byScript(EntitiesApi.Entity entity) {
        Map<String, List<NameView>> groups = new LinkedHashMap<>();
        for (EntitiesApi.Name n : entity.names() == null ? List.<EntitiesApi.Name>of() : entity.names()) {
            String script = script(n.value());
            groups.computeIfAbsent(script, s -> new ArrayList<>()).add(new NameView(n.value(), n.lang(),
                    Labels.language(n.lang()), Labels.kind(n.kind(), script)));
        }
        return groups.entrySet().stream().map(e -> new ScriptNames(e.getKey(), e.getValue())).toList();
    }

    static String script(String name) {
        for (int i = 0; i < name.length();) {
            int cp = name.codePointAt(i);
            if (Character.isLetter(cp)) {
                String s = Character.UnicodeScript.of(cp).name().toLowerCase(Locale.ROOT);
                return Character.toUpperCase(s.charAt(0)) + s.substring(1);
            }
            i += Character.charCount(cp);
        }
        return "Other";
    }

    /** Attributes and public identifiers in words ("Founded: 2007", "Country: Iraq", "OFAC SDN list: 12345"). */
    static List<Attribute> attributes(EntitiesApi.Entity entity) {
        List<Attribute> out = new ArrayList<>();
        if (entity.attributes() != null) {
            entity.attributes().forEach((k, v) -> out.add(new Attribute(Labels.attribute(k), String.join(", ",
                    v.stream().map(x -> Labels.attributeValue(k, x)).toList()))));
        }
        if (entity.externalIds() != null) {
            entity.externalIds().stream().filter(x -> Labels.scheme(x.scheme()) != null)
                    .forEach(x -> out.add(new Attribute(Labels.scheme(x.scheme()), x.value())));
        }
        if (entity.tags() != null && !entity.tags().isEmpty()) {
            out.add(new Attribute("Tags", String.join(", ", entity.tags())));
        }
        return out;
    }

    /** Identifiers of no public scheme: an import's own keys, a detail for editors, shown apart from the facts. */
    static List<Attribute> importKeys(EntitiesApi.Entity entity) {
        return entity.externalIds() == null
                ? List.of()
                : entity.externalIds().stream().filter(x -> Labels.scheme(x.scheme()) == null)
                        .map(x -> new Attribute(x.scheme(), x.value())).toList();
    }

    /** The relation graph as JSON for the page's script: this entity in the middle, related ones around. */
    private static String graph(EntitiesApi.Entity entity, List<RelationView> relations) {
        List<Map<String, Object>> nodes = new ArrayList<>();
        nodes.add(Map.of("id", entity.id(), "name", entity.primaryName(), "type", entity.type(), "center", true));
        Set<String> seen = new LinkedHashSet<>(List.of(entity.id()));
        List<Map<String, Object>> links = new ArrayList<>();
        for (RelationView r : relations) {
            if (seen.add(r.otherId())) {
                nodes.add(Map.of("id", r.otherId(), "name", r.otherName() == null ? r.otherId() : r.otherName(),
                        "type", r.otherType() == null ? "" : r.otherType(), "center", false));
            }
            links.add(Map.of("source", r.outgoing() ? entity.id() : r.otherId(), "target", r.outgoing()
                    ? r.otherId()
                    : entity.id(), "label", r.type()));
        }
        try {
            return JSON.writeValueAsString(Map.of("nodes", nodes, "links", links));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
