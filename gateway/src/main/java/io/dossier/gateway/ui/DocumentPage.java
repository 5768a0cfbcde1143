package io.dossier.gateway.ui;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.security.Csrf;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A document: its metadata, its text with every linked mention a link to its entity (coloured by the entity's type),
 * the words of the search it was opened from marked (with next and previous), its original, related ones; and the
 * same reading view as a fragment for the search page's preview pane.
 */
@Path("/documents")
@RolesAllowed("reader")
@Tag(name = "Web UI")
public class DocumentPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(String user, SearchApi.Document doc, Reading reading,
                List<Views.HitView> related, String publishedAt, String back, Tagging tagging, Noting noting,
                Confirming confirming);

        static native TemplateInstance preview(SearchApi.Document doc, Reading reading, String publishedAt,
                String href);
    }

    /**
     * The document's tags as analysts edit them: read from the sources service (the index follows a moment later),
     * with the form's token and what the last change said.
     */
    public record Tagging(List<String> tags, String csrf, String message, boolean failed, String typed) {
    }

    /**
     * The analysts' notes on the document, read from the sources service (null when it did not answer), and the forms
     * around them: whether the user may add notes, the forms' token, what the last change said, and what was typed
     * when a note was refused ({@code typedFor}: the note being edited, null for a new one).
     */
    public record Noting(List<NoteView> notes, boolean mayAdd, String csrf, String message, boolean failed,
            String typedQuote, String typedText, String typedFor, String invalid) {

        public boolean failedNew() {
            return failed && typedFor == null;
        }

        /** A new note was refused for its passage (else for its text, or for no field). */
        public boolean passageRefused() {
            return failedNew() && "quote".equals(invalid);
        }

        public boolean textRefused() {
            return failedNew() && !"quote".equals(invalid);
        }

        /** A change to a note that is not listed any more was refused: said above the notes. */
        public boolean failedElsewhere() {
            return failed && typedFor != null && (notes == null || notes.stream().noneMatch(n -> n.id().equals(
                    typedFor)));
        }
    }

    /**
     * The document's possible mentions (spellings the registry lacks, possibly an entity's), whether the user may
     * confirm them (editors: confirming adds the spelling as a name of the entity), and what the last one said.
     */
    public record Confirming(List<PossibleView> possible, boolean mayConfirm, String csrf, String message) {
    }

    public record PossibleView(String entityId, String primaryName, String surface, String score, String rule) {

        static PossibleView of(SearchApi.PossibleMention p) {
            return new PossibleView(p.entityId(), p.primaryName(), p.surface(),
                    String.format(java.util.Locale.ROOT, "%.0f%%", p.score() * 100),
                    p.rule() == null ? "" : p.rule().replace('-', ' '));
        }
    }

    /** A note as shown: its number on the page (its passage's marks carry it), and whether the user may change it. */
    public record NoteView(String id, int number, String quote, String text, String author, String day,
            String updatedBy, long version, boolean mayChange) {
    }

    private static final Map<String, String> NOTE_NOTICES = Map.of("noted", "Note added.", "note-saved",
            "Note saved.", "note-deleted", "Note deleted.");

    private static final Map<String, String> TAG_NOTICES = Map.of("tagged", "Tags saved.",
            "tag-invalid", "The tags were not changed: a tag is letters, digits, spaces and - _ . : / (up to 64 "
                    + "characters, starting and ending with a letter or a digit), and a source has at most 50.",
            "tag-unavailable", "The tags could not be saved just now; nothing was changed. Try again shortly.");

    private final SearchClient search;
    private final SourcesApi sources;
    private final EntitiesApi entities;
    private final SecurityIdentity identity;
    private final Csrf csrf;

    public DocumentPage(SearchClient search, @RestClient SourcesApi sources, @RestClient EntitiesApi entities,
            SecurityIdentity identity, Csrf csrf) {
        this.search = search;
        this.sources = sources;
        this.entities = entities;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Document page (HTML)", description = "With q (and exact), the words of that search are marked in the text, with next and previous; with back (a search page's address), a link back to those results.")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No such document, or not one the user may read")
    public TemplateInstance page(@PathParam("id") String id, @QueryParam("q") String q,
            @QueryParam("exact") boolean exact, @QueryParam("back") String back,
            @QueryParam("notice") String notice) {
        // only the notices of a change that succeeded come from the address; a refusal is rendered by its handler
        return render(id, q, exact, back,
                notice != null && ("tagged".equals(notice) || "confirmed".equals(notice)
                        || NOTE_NOTICES.containsKey(notice))
                                ? notice
                                : null,
                null);
    }

    /**
     * The page; {@code notice}: what the last tag change said ("tagged" from the address after a change, a failure
     * only when the form handler renders the page itself), {@code typed}: the tag as typed when it was refused.
     */
    private TemplateInstance render(String id, String q, boolean exact, String back, String notice, String typed) {
        return render(id, q, exact, back, notice, typed, null, null);
    }

    /**
     * The page; {@code noting}: the notes' forms as a refused note change left them, with {@code read} the notes it
     * was made from (both null: the notes are read afresh).
     */
    private TemplateInstance render(String id, String q, boolean exact, String back, String notice, String typed,
            Noting noting, List<SourcesApi.Note> read) {
        SearchApi.Document doc = read(id, q, exact);
        Tagging tagging = null;
        if (identity.hasRole("analyst")) {
            List<String> tags = doc.tags();
            boolean tagNotice = notice != null && TAG_NOTICES.containsKey(notice);
            if (tagNotice) {
                // just after a change the index may not have the tags yet: they are read where they were written
                try {
                    tags = sources.lookup(new SourcesApi.Lookup(List.of(doc.id()))).sources().stream()
                            .filter(x -> x.id().equals(doc.id())).findFirst().map(SourcesApi.Summary::tags)
                            .orElse(tags);
                } catch (RuntimeException e) {
                    Log.debugf("tags of %s read from the index: %s", id, e.getMessage());
                }
            }
            tagging = new Tagging(tags == null ? List.of() : tags, csrf.token(identity),
                    tagNotice ? TAG_NOTICES.get(notice) : null, tagNotice && !"tagged".equals(notice), typed);
        }
        List<SourcesApi.Note> notesRead = noting != null ? read : readNotes(doc.id());
        Noting notes = noting != null
                ? noting
                : noting(notesRead, notice == null ? null : NOTE_NOTICES.get(notice), false, null, null, null,
                        null);
        // a note's number on the page is its place in the list, in its passage's marks and beside the note alike
        List<Reading.Passage> passages = new ArrayList<>();
        if (notesRead != null) {
            for (int i = 0; i < notesRead.size(); i++) {
                passages.add(new Reading.Passage(notesRead.get(i).start(), notesRead.get(i).end(), i + 1));
            }
        }
        List<Views.HitView> related = List.of();
        try {
            related = search.similar(id, 5).hits().stream().map(Views.HitView::of).toList();
        } catch (RuntimeException e) {
            Log.debugf("no related documents for %s: %s", id, e.getMessage());
        }
        // a spelling listed once, however often the document writes it
        Map<String, PossibleView> possible = new java.util.LinkedHashMap<>();
        for (SearchApi.PossibleMention p : doc.possibleMentions() == null
                ? List.<SearchApi.PossibleMention>of()
                : doc.possibleMentions()) {
            possible.putIfAbsent(p.entityId() + "|" + p.surface(), PossibleView.of(p));
        }
        Confirming confirming = new Confirming(List.copyOf(possible.values()), identity.hasRole("editor"),
                csrf.token(identity), "confirmed".equals(notice)
                        ? "Added as a name of the entity. The document is "
                                + "being linked again: the mention shows as a link in a moment."
                        : null);
        return Templates.document(identity.getPrincipal().getName(), doc, Reading.of(doc, passages), related,
                Views.day(doc.publishedAt()), backToResults(back), tagging, notes, confirming);
    }

    /** The document's notes in text order, or null when the sources service did not answer. */
    private List<SourcesApi.Note> readNotes(String id) {
        try {
            List<SourcesApi.Note> notes = sources.notes(id).notes();
            return notes == null ? List.of() : notes;
        } catch (RuntimeException e) {
            Log.debugf("notes of %s not read: %s", id, e.getMessage());
            return null;
        }
    }

    private Noting noting(List<SourcesApi.Note> read, String message, boolean failed, String typedQuote,
            String typedText, String typedFor, String invalid) {
        List<NoteView> views = null;
        if (read != null) {
            String user = identity.getPrincipal().getName();
            boolean editor = identity.hasRole("editor");
            views = new ArrayList<>();
            for (int i = 0; i < read.size(); i++) {
                SourcesApi.Note n = read.get(i);
                views.add(new NoteView(n.id(), i + 1, n.quote(), n.text(), n.author(), Views.day(n.createdAt()),
                        n.updatedBy(), n.version(), editor || user.equals(n.author()) && identity.hasRole("analyst")));
            }
        }
        return new Noting(views, identity.hasRole("analyst"), csrf.token(identity), message, failed, typedQuote,
                typedText, typedFor, invalid);
    }

    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Add a note on a passage (form of the document page; analysts)", description = "The passage by its offsets (start, end: filled in when words are selected in the text) or by its words (quote).")
    @APIResponse(responseCode = "303", description = "Back to the document, at the new note")
    @APIResponse(responseCode = "400", description = "The note was refused: the page again, with what was typed and the reason beside the form")
    @APIResponse(responseCode = "403", description = "No analyst role, or no valid form token")
    public Response addNote(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("start") String start, @FormParam("end") String end, @FormParam("quote") String quote,
            @FormParam("text") String text) {
        checkNoteForm(id, token);
        Integer from = number(start);
        Integer to = number(end);
        String passage = quote == null || quote.isBlank() ? null : quote;
        try {
            SourcesApi.Note note = sources.addNote(id, from != null && to != null
                    ? new SourcesApi.NewNote(from, to, null, text)
                    : new SourcesApi.NewNote(from, null, passage, text));
            return Response.seeOther(URI.create("/documents/" + id + "?notice=noted#note-" + note.id())).build();
        } catch (RuntimeException e) {
            return refusedNote(id, e, quote, text, null);
        }
    }

    @POST
    @Path("{id}/notes/{noteId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Change a note's text (form of the document page; its author or an editor)")
    @APIResponse(responseCode = "303", description = "Back to the document, at the note")
    @APIResponse(responseCode = "400", description = "The change was refused: the page again, with what was typed and the reason beside the form")
    @APIResponse(responseCode = "403", description = "Not the note's author nor an editor, or no valid form token")
    public Response editNote(@PathParam("id") String id, @PathParam("noteId") String noteId,
            @FormParam("csrf") String token, @FormParam("version") String version, @FormParam("text") String text) {
        checkNoteForm(id, token);
        checkNoteId(noteId);
        try {
            sources.editNote(id, noteId, ifMatch(version), new SourcesApi.NoteEdit(text));
            return Response.seeOther(URI.create("/documents/" + id + "?notice=note-saved#note-" + noteId)).build();
        } catch (RuntimeException e) {
            return refusedNote(id, e, null, text, noteId);
        }
    }

    @POST
    @Path("{id}/notes/{noteId}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Delete a note (form of the document page; its author or an editor)")
    @APIResponse(responseCode = "303", description = "Back to the document's notes")
    @APIResponse(responseCode = "403", description = "Not the note's author nor an editor, or no valid form token")
    public Response deleteNote(@PathParam("id") String id, @PathParam("noteId") String noteId,
            @FormParam("csrf") String token, @FormParam("version") String version) {
        checkNoteForm(id, token);
        checkNoteId(noteId);
        try {
            sources.deleteNote(id, noteId, ifMatch(version));
            return Response.seeOther(URI.create("/documents/" + id + "?notice=note-deleted#notes-heading")).build();
        } catch (RuntimeException e) {
            return refusedNote(id, e, null, null, noteId);
        }
    }

    private void checkNoteForm(String id, String token) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No document " + id);
        }
        if (!identity.hasRole("analyst")) {
            throw new ProblemException(403, "Notes need the analyst role");
        }
    }

    private static void checkNoteId(String noteId) {
        if (!noteId.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No note " + noteId);
        }
    }

    /** The note's version the form was made with, as If-Match: a change to a note changed since is refused. */
    private static String ifMatch(String version) {
        return version != null && version.strip().matches("\\d{1,18}") ? "\"" + version.strip() + "\"" : null;
    }

    private static Integer number(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            return n >= 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A note change the sources service refused: the page again with the reason beside the form in plain words and
     * what was typed kept (400, 409), or an error page (404, 403); when the service did not answer, 503 the same way.
     */
    private Response refusedNote(String id, RuntimeException e, String quote, String text, String noteId) {
        int status = e instanceof WebApplicationException w ? w.getResponse().getStatus() : 503;
        if (status == 404 && noteId == null) {
            throw new ProblemException(404, "No document " + id + " that you may read");
        }
        if (status == 403) {
            throw new ProblemException(403, "Only the note's author or an editor may change or delete it");
        }
        Refusal refusal = refusal(e);
        String message = switch (status) {
            case 400 -> noteId == null
                    ? "The note was not added: " + (refusal.reason() != null
                            ? refusal.reason()
                            : "write a note, and select or type the passage it is about (words of the text, at most "
                                    + "5,000 characters).")
                    : "The note was not saved: " + (refusal.reason() != null
                            ? refusal.reason()
                            : "write a note of at most 5,000 characters.");
            case 404 -> "That note is not there any more; nothing was changed.";
            case 409 -> "The note was not added: " + (refusal.reason() != null
                    ? refusal.reason()
                    : "this document cannot take notes just now.");
            case 412 -> "That note was changed meanwhile; look at it again.";
            default -> "Notes cannot be saved just now; nothing was changed. Try again shortly.";
        };
        int answer = status == 400 || status == 409 || status == 404 || status == 412 ? status : 503;
        List<SourcesApi.Note> read = readNotes(id);
        return Response.status(answer).type(MediaType.TEXT_HTML_TYPE).entity(render(id, null, false, null, null,
                null, noting(read, message, true, quote, text, noteId, refusal.field()), read)).build();
    }

    /** Why a service refused a note, in plain words when it gave them, and the field it named ("quote", "text"). */
    record Refusal(String reason, String field) {
    }

    /** The reason a service gave (its problem's detail or field errors, when plain), and the field it named. */
    private static Refusal refusal(RuntimeException e) {
        if (!(e instanceof WebApplicationException w)) {
            return new Refusal(null, null);
        }
        var problem = ServiceProblem.of(w);
        StringBuilder reasons = new StringBuilder();
        String field = null;
        for (var err : problem.path("errors")) {
            String name = err.path("field").asText("");
            String said = err.path("message").asText("");
            // the passage is named by its words or its offsets
            String which = name.endsWith("quote") || name.endsWith("start") || name.endsWith("end")
                    ? "quote"
                    : name.endsWith("text") ? "text" : null;
            if (!said.isEmpty()) {
                field = field == null ? which : field;
                reasons.append(reasons.length() == 0 ? "" : "; ").append("quote".equals(which)
                        ? "the passage "
                        : "text".equals(which) ? "the note " : "").append(said);
            }
        }
        if (reasons.length() > 0) {
            return new Refusal(reasons + ".", field);
        }
        String detail = problem.path("detail").asText("");
        if (!detail.isEmpty() && detail.length() < 300 && !detail.contains("Exception")) {
            return new Refusal(detail.endsWith(".") ? detail : detail + ".", null);
        }
        return new Refusal(null, null);
    }

    @POST
    @Path("{id}/tags")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Add or remove a tag of a document (form of the document page; analysts)")
    @APIResponse(responseCode = "303", description = "Back to the document, with what happened")
    @APIResponse(responseCode = "400", description = "The tag was refused: the page again, the tag as typed, the reason beside it")
    @APIResponse(responseCode = "403", description = "No analyst role, or no valid form token")
    public Response tag(@PathParam("id") String id,
            @FormParam("csrf") String token, @FormParam("add") String add,
            @FormParam("remove") String remove) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No document " + id);
        }
        if (!identity.hasRole("analyst")) {
            throw new ProblemException(403, "Tagging needs the analyst role");
        }
        String adding = add == null ? "" : add.strip();
        String removing = remove == null ? "" : remove.strip();
        String notice;
        try {
            sources.changeTags(id, new SourcesApi.TagChange(adding.isEmpty() ? List.of() : List.of(adding),
                    removing.isEmpty() ? List.of() : List.of(removing)));
            return Response.seeOther(URI.create("/documents/" + id + "?notice=tagged"))
                    .build();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new ProblemException(404, "No document " + id + " that you may read");
            }
            if (status == 403) {
                throw new ProblemException(403, "Tagging needs the analyst role");
            }
            notice = status == 400 ? "tag-invalid" : "tag-unavailable";
        } catch (RuntimeException e) {
            notice = "tag-unavailable";
        }
        return Response.status("tag-invalid".equals(notice) ? 400 : 503)
                .type(MediaType.TEXT_HTML_TYPE).entity(render(id, null, false, null, notice, add)).build();
    }

    @GET
    @Path("{id}/preview")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "A document's reading view as an HTML fragment (the search page's preview pane)", description = "Its title, metadata and text, the words of search q marked; only a document the user may read.")
    @APIResponse(responseCode = "200", description = "The fragment")
    @APIResponse(responseCode = "404", description = "No such document, or not one the user may read")
    public TemplateInstance preview(@PathParam("id") String id, @QueryParam("q") String q,
            @QueryParam("exact") boolean exact, @QueryParam("back") String back) {
        SearchApi.Document doc = read(id, q, exact);
        String backTo = backToResults(back);
        String href = "/documents/" + doc.id() + "?q=" + SearchState.encode(q == null ? "" : q)
                + (exact ? "&exact=true" : "") + (backTo == null ? "" : "&back=" + SearchState.encode(backTo));
        return Templates.preview(doc, Reading.of(doc), Views.day(doc.publishedAt()), href);
    }

    private SearchApi.Document read(String id, String q, boolean exact) {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No document " + id);
        }
        String query = q == null || q.length() > SearchPage.MAX_QUERY ? null : q;
        try {
            return search.document(id, query, exact);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 403) {
                throw new ProblemException(403, "Your roles do not allow reading documents");
            }
            throw new ProblemException(status == 404 || status == 400 ? 404 : 503, status == 404 || status == 400
                    ? "No document " + id + " that you may read"
                    : "Documents are unavailable right now; try again shortly");
        } catch (RuntimeException e) {
            throw new ProblemException(503, "Documents are unavailable right now; try again shortly");
        }
    }

    /**
     * Where "back to results" goes: a search page of this site only (a path starting with /search), never another
     * site's address written into a link.
     */
    static String backToResults(String back) {
        if (back == null || back.length() > 20_000) {
            return null;
        }
        return back.equals("/search") || back.startsWith("/search?") ? back : null;
    }

    @POST
    @Path("{id}/possible")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Confirm a possible mention: add its spelling as a name of the entity (form of the document page)")
    @APIResponse(responseCode = "303", description = "Back to the document")
    @APIResponse(responseCode = "403", description = "No valid form token, or not an editor")
    public Response confirm(@PathParam("id") String id, @FormParam("csrf") String token,
            @FormParam("entityId") String entityId, @FormParam("surface") String surface) {
        csrf.check(identity, token);
        if (!identity.hasRole("editor")) {
            throw new ProblemException(403, "Only editors may add names to the registry");
        }
        if (!id.matches("[0-9a-fA-F-]{36}") || entityId == null || !entityId.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No such possible mention");
        }
        if (surface == null || surface.isBlank() || surface.length() > 500) {
            throw new ProblemException(400, "The spelling to add is missing or too long");
        }
        boolean arabic = surface.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
        try {
            entities.addName(entityId, new EntitiesApi.NewName(surface.strip(), arabic ? "ar" : null, "ALIAS"));
        } catch (jakarta.ws.rs.WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new ProblemException(404, "The entity is no longer in the registry");
            }
            if (status == 400 || status == 409) {
                String detail = SearchPage.detail(e);
                throw new ProblemException(400, "The name was not added: " + (detail == null
                        ? "the registry refused it."
                        : detail));
            }
            throw new ProblemException(503, "The registry is unavailable right now; nothing was added.");
        }
        return Response.seeOther(URI.create("/documents/" + id + "?notice=confirmed#possible")).build();
    }
}
