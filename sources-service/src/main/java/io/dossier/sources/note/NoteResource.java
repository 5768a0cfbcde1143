package io.dossier.sources.note;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.audit.AuditTrail;
import io.dossier.common.http.IfMatch;
import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.dossier.common.security.CollectionAccess;
import io.dossier.sources.source.SourceService;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Notes on a source's passages. Whoever may read the source's collection reads its notes; analysts write them; a
 * note is changed or deleted by its author or an editor. A source the caller may not read has no notes for them: 404,
 * as for the source itself.
 */
@Path("/api/v1/sources/{sourceId}/notes")
@Tag(name = "Notes")
@Produces(MediaType.APPLICATION_JSON)
public class NoteResource {

    private static final String ETAG_HEADER = "The note's version, to send back in If-Match";

    private final NoteService notes;
    private final SourceService sources;
    private final SecurityIdentity identity;
    private final AuditTrail audit;

    NoteResource(NoteService notes, SourceService sources, SecurityIdentity identity, AuditTrail audit) {
        this.audit = audit;
        this.notes = notes;
        this.sources = sources;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(operationId = "listNotes", summary = "A source's notes", description = "In the order of their passages in the text.")
    @APIResponse(responseCode = "200", description = "The notes", content = @Content(schema = @Schema(implementation = NoteDto.NoteList.class)))
    @APIResponse(responseCode = "404", description = "No such source that the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NoteDto.NoteList list(@PathParam("sourceId") UUID sourceId) {
        String collection = readable(sourceId);
        audit.read("notes", sourceId, collection, "the notes on source " + sourceId);
        return notes.list(sourceId);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(operationId = "createNote", summary = "Note a passage", description = """
            Analysts and above, on a source they may read. The passage is named by its offsets into the source's text
            (UTF-16 code units, as the text is served) or by its words. At most 500 notes a source; a note and its
            passage are at most 5,000 characters each.""")
    @APIResponse(responseCode = "201", description = "Noted", headers = {
            @Header(name = "Location", description = "Where the note is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = NoteDto.class)))
    @APIResponse(responseCode = "400", description = "No passage, offsets outside the text, words not in it, or an empty note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such source that the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The source has no text yet (OCR still reading it), none at all, or 500 notes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@PathParam("sourceId") UUID sourceId, @Valid @NotNull NoteRequest request) {
        readable(sourceId);
        NoteDto note = notes.create(sourceId, request, actor());
        return Response.created(URI.create("/api/v1/sources/" + sourceId + "/notes/" + note.id())).entity(note)
                .tag(etag(note)).build();
    }

    @GET
    @Path("{noteId}")
    @RolesAllowed("reader")
    @Operation(operationId = "getNote", summary = "Read one note")
    @APIResponse(responseCode = "200", description = "The note", headers = {
            @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = NoteDto.class)))
    @APIResponse(responseCode = "404", description = "No such note on a source the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("sourceId") UUID sourceId, @PathParam("noteId") UUID noteId) {
        String collection = readable(sourceId);
        NoteDto note = notes.get(sourceId, noteId);
        audit.read("note", noteId, collection, "on source " + sourceId);
        return Response.ok(note).tag(etag(note)).build();
    }

    @PATCH
    @Path("{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(operationId = "editNote", summary = "Change a note's text", description = "Its author, or an editor. With If-Match, only that version is changed.")
    @APIResponse(responseCode = "200", description = "The note as changed", headers = {
            @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = NoteDto.class)))
    @APIResponse(responseCode = "400", description = "An empty or too long note", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Someone else's note, and the caller is no editor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such note on a source the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The note changed since that ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edit(@PathParam("sourceId") UUID sourceId, @PathParam("noteId") UUID noteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, @Valid @NotNull NoteEdit edit) {
        readable(sourceId);
        NoteDto note = notes.edit(sourceId, noteId, edit, version(ifMatch), actor());
        return Response.ok(note).tag(etag(note)).build();
    }

    @DELETE
    @Path("{noteId}")
    @RolesAllowed("analyst")
    @Operation(operationId = "deleteNote", summary = "Delete a note", description = "Its author, or an editor. With If-Match, only that version is deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "Someone else's note, and the caller is no editor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such note on a source the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The note changed since that ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("sourceId") UUID sourceId, @PathParam("noteId") UUID noteId,
            @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        readable(sourceId);
        notes.delete(sourceId, noteId, version(ifMatch), actor());
        return Response.noContent().build();
    }

    private NoteService.Actor actor() {
        return new NoteService.Actor(identity.getPrincipal().getName(), identity.hasRole("editor"));
    }

    /** The source's notes are only for who may read the source: 404 otherwise, as for the source. */
    private String readable(UUID sourceId) {
        return sources.collectionOf(sourceId).filter(c -> CollectionAccess.mayRead(identity, c))
                .orElseThrow(() -> ProblemException.notFound("No source " + sourceId));
    }

    private static EntityTag etag(NoteDto note) {
        return new EntityTag(Long.toString(note.version()));
    }

    /** The version an If-Match names; null without one or for {@code *}; 412 for a tag not ours. */
    static Long version(String ifMatch) {
        return ifMatch == null ? null : IfMatch.version(ifMatch, "this note");
    }
}
