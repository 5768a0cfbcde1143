package io.dossier.search.notes;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/search/notes")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reader")
public class NoteSearchResource {

    private final NoteListing listing;
    private final SecurityIdentity identity;

    NoteSearchResource(NoteListing listing, SecurityIdentity identity) {
        this.listing = listing;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "notesAboutEntity", summary = "Analysts' notes on passages that mention an entity", description = "Newest first; only notes on documents the caller may read. A note counts for the entities the registry links inside its passage, as the document is linked now (so a new name or a merge in the registry reaches notes too). Notes are written through the sources service (`/api/v1/sources/{id}/notes`); their words are also searched by the document search (`note:` for them alone).")
    @APIResponse(responseCode = "200", description = "The notes", content = @Content(schema = @Schema(implementation = NoteHits.class)))
    @APIResponse(responseCode = "400", description = "No entity, or not an entity id", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NoteHits notes(
            @Parameter(description = "The registry entity") @QueryParam("entity") @NotNull(message = "give the entity whose notes to list") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an entity id") String entity,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return listing.aboutEntity(entity.toLowerCase(java.util.Locale.ROOT), size, identity);
    }
}
