package io.dossier.sources.source;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    /** Set on an ingest answer when the same content was already stored. */
    public static final String DUPLICATE_HEADER = "Dossier-Duplicate";

    private final SourceService service;
    private final SecurityIdentity identity;

    public SourceResource(SourceService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(summary = "Ingest a source given as JSON text", description = "Idempotent on the SHA-256 of the text.")
    @APIResponse(responseCode = "201", description = "Stored", headers = @Header(name = "Location"), content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "200", description = "The same content was already stored: that source, with header Dossier-Duplicate: true", content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateSourceRequest request) {
        SourceService.Ingested ingested = service.create(request, identity.getPrincipal().getName());
        SourceDto source = ingested.source();
        Response.ResponseBuilder answer = ingested.duplicate()
                ? Response.ok(source).header(DUPLICATE_HEADER, "true")
                : Response.created(URI.create("/api/v1/sources/" + source.id()));
        return answer.entity(source).tag(etag(source)).build();
    }

    @GET
    @RolesAllowed("reader")
    @Operation(summary = "List sources, newest first", description = "Without their texts; filter by collection.")
    @APIResponse(responseCode = "200", description = "A page of sources", content = @Content(schema = @Schema(implementation = SourcePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourcePage list(
            @QueryParam("collection") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}", message = "must be lower-case letters, digits and dashes") String collection,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(collection, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(summary = "Read one source")
    @APIResponse(responseCode = "200", description = "The source, with its version as ETag", content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        SourceDto source = service.find(id).orElseThrow(() -> ProblemException.notFound("No source " + id));
        return Response.ok(source).tag(etag(source)).build();
    }

    @GET
    @Path("{id}/text")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @RolesAllowed("reader")
    @Operation(summary = "The source's extracted text, as plain UTF-8")
    @APIResponse(responseCode = "200", description = "The text")
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response text(@PathParam("id") UUID id) {
        SourceDto source = service.find(id).orElseThrow(() -> ProblemException.notFound("No source " + id));
        return Response.ok(source.text()).tag(etag(source)).build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(summary = "Edit a source's metadata", description = "Requires If-Match with the ETag last read; a stale one is refused with 412.")
    @APIResponse(responseCode = "200", description = "The source as changed, with its new ETag", content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The source changed since that ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateSourceRequest request) {
        if (ifMatch == null) {
            throw new ProblemException(428, "Send If-Match with the ETag of the version you edited");
        }
        SourceDto source = service.update(id, version(ifMatch), request);
        return Response.ok(source).tag(etag(source)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    @Operation(summary = "Delete a source", description = "Leaves a tombstone on the change feed. With If-Match, only that version is deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The source changed since that ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        service.delete(id, ifMatch == null ? null : version(ifMatch));
        return Response.noContent().build();
    }

    /**
     * The version an If-Match names (our ETags are the quoted version number), or null for {@code *} (any version).
     * If-Match uses strong comparison (RFC 9110), so a weak {@code W/} tag never matches.
     */
    static Long version(String ifMatch) {
        String value = ifMatch.strip();
        if (value.equals("*")) {
            return null;
        }
        if (value.length() > 2 && value.startsWith("\"") && value.endsWith("\"")) {
            try {
                return Long.parseLong(value.substring(1, value.length() - 1));
            } catch (NumberFormatException e) {
                // not one of ours: falls through to 412
            }
        }
        throw new ProblemException(412, "If-Match " + ifMatch + " is not a current ETag of this source");
    }

    static EntityTag etag(SourceDto source) {
        return new EntityTag(Long.toString(source.version()));
    }
}
