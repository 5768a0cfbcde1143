package io.dossier.gateway.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.ProblemException;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/** A document: its metadata, its text with every linked mention a link to the entity, its original, related ones. */
@Path("/documents")
@RolesAllowed("reader")
@Tag(name = "Web UI")
public class DocumentPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance document(String user, SearchApi.Document doc, List<Segment> title,
                List<Segment> text, List<Views.HitView> related, String publishedAt, String lang, String dir);
    }

    /** A run of the text: plain, or a mention linking to its entity. */
    /** A run of text, a mention (with its entity), or the start of a page ({@code page} > 0: text read by OCR). */
    public record Segment(String text, String entityId, String entityName, int page) {

        Segment(String text, String entityId, String entityName) {
            this(text, entityId, entityName, 0);
        }
    }

    private final SearchClient search;
    private final SecurityIdentity identity;

    public DocumentPage(SearchClient search, SecurityIdentity identity) {
        this.search = search;
        this.identity = identity;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Document page (HTML)")
    @APIResponse(responseCode = "200", description = "The page")
    @APIResponse(responseCode = "404", description = "No such document, or not one the user may read")
    public TemplateInstance page(@PathParam("id") String id) {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No document " + id);
        }
        SearchApi.Document doc;
        try {
            doc = search.document(id);
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
        List<Views.HitView> related = List.of();
        try {
            related = search.similar(id, 5).hits().stream().map(Views.HitView::of).toList();
        } catch (RuntimeException e) {
            Log.debugf("no related documents for %s: %s", id, e.getMessage());
        }
        Map<String, String> names = new HashMap<>();
        for (SearchApi.EntityRef e : doc.entities() == null ? List.<SearchApi.EntityRef>of() : doc.entities()) {
            names.put(e.id(), e.name());
        }
        List<SearchApi.Mention> mentions = doc.mentions() == null ? List.of() : doc.mentions();
        return Templates.document(identity.getPrincipal().getName(), doc,
                segments(doc.title(), "title", mentions, names), segments(doc.text(), "text", mentions, names),
                related, Views.day(doc.publishedAt()), Views.lang(doc.language()), Views.dir(doc.language()));
    }

    /** The field cut into plain runs and mentions (in order, overlapping or out-of-range spans skipped). */
    static List<Segment> segments(String field, String name, List<SearchApi.Mention> mentions,
            Map<String, String> names) {
        List<Segment> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        int cursor = 0;
        List<SearchApi.Mention> sorted = mentions.stream().filter(m -> name.equals(m.field()))
                .sorted(Comparator.comparingInt(SearchApi.Mention::start)).toList();
        for (SearchApi.Mention m : sorted) {
            if (m.start() < cursor || m.end() > field.length() || m.start() >= m.end()) {
                continue;
            }
            if (m.start() > cursor) {
                out.add(new Segment(field.substring(cursor, m.start()), null, null));
            }
            out.add(new Segment(field.substring(m.start(), m.end()), m.entityId(), names.get(m.entityId())));
            cursor = m.end();
        }
        if (cursor < field.length()) {
            out.add(new Segment(field.substring(cursor), null, null));
        }
        return pages(out, field);
    }

    /**
     * A text of pages (pages read by OCR, separated by form feeds) gets a marker where each page starts, the first
     * included; a text without form feeds is left as it is.
     */
    static List<Segment> pages(List<Segment> segments, String field) {
        if (field.indexOf('\f') < 0) {
            return segments;
        }
        List<Segment> out = new ArrayList<>();
        int page = 1;
        out.add(new Segment("", null, null, page));
        for (Segment s : segments) {
            if (s.entityId() != null || s.text().indexOf('\f') < 0) {
                out.add(s);
                continue;
            }
            String[] parts = s.text().split("\f", -1);
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.add(new Segment("", null, null, ++page));
                }
                String part = i > 0 ? parts[i].replaceFirst("^\n", "") : parts[i];
                part = i < parts.length - 1 ? part.replaceFirst("\n$", "") : part;
                if (!part.isEmpty()) {
                    out.add(new Segment(part, null, null));
                }
            }
        }
        return out;
    }
}
