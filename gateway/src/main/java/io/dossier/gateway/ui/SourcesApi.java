package io.dossier.gateway.ui;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The sources service, called with the logged-in user's own access token: the pages' copy of what they read. */
@RegisterRestClient(configKey = "sources")
@AccessToken
@Path("/api/v1/sources")
public interface SourcesApi {

    /** Those of the sources asked for that the user may read (the others are left out). */
    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    Found lookup(Lookup request);

    /** Tags added and removed (analysts and above). */
    @POST
    @Path("{id}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    Tagged changeTags(@PathParam("id") String id, TagChange change);

    /** A source's notes, in text order (readers of its collection). */
    @GET
    @Path("{id}/notes")
    Notes notes(@PathParam("id") String id);

    /** A new note (analysts and above). */
    @POST
    @Path("{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    Note addNote(@PathParam("id") String id, NewNote note);

    /** A note's new text (its author, or an editor). */
    @PATCH
    @Path("{id}/notes/{noteId}")
    @Consumes(MediaType.APPLICATION_JSON)
    Note editNote(@PathParam("id") String id, @PathParam("noteId") String noteId,
            @HeaderParam("If-Match") String ifMatch, NoteEdit edit);

    /** A note removed (its author, or an editor). */
    @DELETE
    @Path("{id}/notes/{noteId}")
    void deleteNote(@PathParam("id") String id, @PathParam("noteId") String noteId,
            @HeaderParam("If-Match") String ifMatch);

    record Notes(List<Note> notes) {
    }

    record Note(String id, String sourceId, int start, int end, String quote, String text, String author,
            String createdAt, String updatedBy, String updatedAt, long version) {
    }

    /** The passage by its offsets, or by its words ({@code start} then says which occurrence is meant). */
    record NewNote(Integer start, Integer end, String quote, String text) {
    }

    record NoteEdit(String text) {
    }

    record Tagged(String id, List<String> tags) {
    }

    record TagChange(List<String> add, List<String> remove) {
    }

    record Lookup(List<String> ids) {
    }

    record Found(List<Summary> sources) {
    }

    record Summary(String id, String title, String collection, String publishedAt, List<String> tags) {
    }
}
