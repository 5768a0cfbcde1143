package io.dossier.gateway.ui;

import java.net.URI;
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
                List<Views.HitView> related, String publishedAt, String back, Tagging tagging);

        static native TemplateInstance preview(SearchApi.Document doc, Reading reading, String publishedAt,
                String href);
    }

    /**
     * The document's tags as analysts edit them: read from the sources service (the index follows a moment later),
     * with the form's token and what the last change said.
     */
    public record Tagging(List<String> tags, String csrf, String message, boolean failed, String typed) {
    }

    private static final Map<String, String> TAG_NOTICES = Map.of("tagged", "Tags saved.",
            "tag-invalid", "The tags were not changed: a tag is letters, digits, spaces and - _ . : / (up to 64 "
                    + "characters, starting and ending with a letter or a digit), and a source has at most 50.",
            "tag-unavailable", "The tags could not be saved just now; nothing was changed. Try again shortly.");

    private final SearchClient search;
    private final SourcesApi sources;
    private final SecurityIdentity identity;
    private final Csrf csrf;

    public DocumentPage(SearchClient search, @RestClient SourcesApi sources,
            SecurityIdentity identity, Csrf csrf) {
        this.search = search;
        this.sources = sources;
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
        return render(id, q, exact, back, "tagged".equals(notice) ? notice : null, null);
    }

    /**
     * The page; {@code notice}: what the last tag change said ("tagged" from the address after a change, a failure
     * only when the form handler renders the page itself), {@code typed}: the tag as typed when it was refused.
     */
    private TemplateInstance render(String id, String q, boolean exact, String back, String notice, String typed) {
        SearchApi.Document doc = read(id, q, exact);
        Tagging tagging = null;
        if (identity.hasRole("analyst")) {
            List<String> tags = doc.tags();
            if (notice != null) {
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
                    notice == null ? null : TAG_NOTICES.get(notice), notice != null && !"tagged".equals(notice), typed);
        }
        List<Views.HitView> related = List.of();
        try {
            related = search.similar(id, 5).hits().stream().map(Views.HitView::of).toList();
        } catch (RuntimeException e) {
            Log.debugf("no related documents for %s: %s", id, e.getMessage());
        }
        return Templates.document(identity.getPrincipal().getName(), doc, Reading.of(doc), related,
                Views.day(doc.publishedAt()), backToResults(back), tagging);
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
}
