package io.dossier.sources.source;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/sources")
@Tag(name = "Sources")
@Produces(MediaType.APPLICATION_JSON)
public class SourceResource {

    private final SourceService service;
    private final SecurityIdentity identity;
    private final AuditTrail audit;

    public SourceResource(SourceService service, SecurityIdentity identity, AuditTrail audit) {
        this.service = service;
        this.identity = identity;
        this.audit = audit;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(operationId = "listSources", summary = "List sources, newest first", description = "Without their texts; filter by collection.")
    @APIResponse(responseCode = "200", description = "A page of sources", content = @Content(schema = @Schema(implementation = SourcePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourcePage list(
            @QueryParam("collection") @Pattern(regexp = SourceRules.COLLECTION, message = SourceRules.COLLECTION_MESSAGE) String collection,
            @QueryParam("tag") @Pattern(regexp = SourceRules.TAG, message = SourceRules.TAG_MESSAGE) String tag,
            @QueryParam("status") SourceStatus status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(collection, tag, status, CollectionAccess.readable(identity), page, size);
    }

    @POST
    @Path("lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reader")
    @Operation(operationId = "lookupSources", summary = "Look up several sources by id", description = """
            The summaries (no texts) of those the caller may read, in the order asked. A source that does not exist
            and one in a collection the caller cannot read are both simply left out, so the answer never tells them
            apart. For pages and services that show many sources at once (the citations of an entity's relations).""")
    @APIResponse(responseCode = "200", description = "The readable ones", content = @Content(schema = @Schema(implementation = SourceLookup.Result.class)))
    @APIResponse(responseCode = "400", description = "No list of ids, more than 500, or an id that is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SourceLookup.Result lookup(@Valid @NotNull SourceLookup.Request request) {
        return new SourceLookup.Result(service.summaries(request.ids(), CollectionAccess.readable(identity)));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(operationId = "getSource", summary = "Read one source")
    @APIResponse(responseCode = "200", description = "The source, with its version as ETag", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        SourceDto source = readable(id);
        audit.read("source", id, source.collection(), source.title());
        return Response.ok(source).tag(etag(source)).build();
    }

    @GET
    @Path("{id}/text")
    @Produces(MediaType.TEXT_PLAIN + ";charset=utf-8")
    @RolesAllowed("reader")
    @Operation(operationId = "getSourceText", summary = "The source's extracted text, as plain UTF-8")
    @APIResponse(responseCode = "200", description = "The text", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response text(@PathParam("id") UUID id) {
        SourceDto source = readable(id);
        audit.read("source", id, source.collection(), "text: " + source.title());
        return Response.ok(source.text()).tag(etag(source)).build();
    }

    @GET
    @Path("{id}/original")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed("reader")
    @Operation(operationId = "getSourceOriginal", summary = "The source as it came in", description = "The uploaded file byte for byte, or for a source sent as JSON its text.")
    @APIResponse(responseCode = "200", description = "The original, with its media type and file name", headers = {
            @Header(name = "Content-Disposition", description = "attachment, with the original file name", schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response original(@PathParam("id") UUID id) {
        SourceDto source = readable(id);
        audit.read("source", id, source.collection(), "original file: " + source.title());
        SourceService.OriginalFile original = service.original(id)
                .orElseThrow(() -> ProblemException.notFound("No source " + id));
        Response.ResponseBuilder answer = Response.ok(original.content(), original.contentType())
                // Never rendered in the browser from our origin: an uploaded page could carry scripts.
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox");
        String name = original.filename() == null ? id + ".txt" : original.filename();
        answer.header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + name.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_")
                        + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"));
        return answer.build();
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "updateSource", summary = "Edit a source's metadata", description = "Requires If-Match with the ETag last read; a stale one is refused with 412.")
    @APIResponse(responseCode = "200", description = "The source as changed, with its new ETag", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The source changed since that ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull UpdateSourceRequest request) {
        if (ifMatch == null) {
            throw new ProblemException(428, "Send If-Match with the ETag of the version you edited");
        }
        readable(id);
        if (request.collection() != null && !CollectionAccess.mayRead(identity, request.collection())) {
            throw new ProblemException(403, "You may not move a source into collection " + request.collection()
                    + ": you cannot read it");
        }
        SourceDto source = service.update(id, version(ifMatch), request, identity.getPrincipal().getName());
        return Response.ok(source).tag(etag(source)).build();
    }

    @POST
    @Path("{id}/tags")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("analyst")
    @Operation(operationId = "changeSourceTags", summary = "Add and remove a source's tags", description = "Analysts and above, on a source they may read. Adding and removing commute, so no If-Match is asked; a tag both added and removed is removed. At most 50 tags a source.")
    @APIResponse(responseCode = "200", description = "The source with its tags, and its new ETag", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = SourceDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid tags, none given, or more than 50 in all", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such source that the caller may read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response changeTags(@PathParam("id") UUID id, @Valid @NotNull TagChange change) {
        readable(id);
        SourceDto source = service.changeTags(id, change, identity.getPrincipal().getName());
        return Response.ok(source).tag(etag(source)).build();
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    @Operation(operationId = "deleteSource", summary = "Delete a source", description = "Leaves a tombstone on the change feed. With If-Match, only that version is deleted.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such source", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The source changed since that ETag", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        readable(id);
        service.delete(id, ifMatch == null ? null : version(ifMatch), identity.getPrincipal().getName());
        return Response.noContent().build();
    }

    /** The version an If-Match names, or null for {@code *}; 412 for a tag that is not a version of ours. */
    static Long version(String ifMatch) {
        return IfMatch.version(ifMatch, "this source");
    }

    public static EntityTag etag(SourceDto source) {
        return new EntityTag(Long.toString(source.version()));
    }

    /**
     * The source if the caller may read its collection; otherwise, as when it does not exist, a 404 (whether a
     * source exists in a collection one may not read is not told either).
     */
    private SourceDto readable(UUID id) {
        return service.find(id).filter(s -> CollectionAccess.mayRead(identity, s.collection()))
                .orElseThrow(() -> ProblemException.notFound("No source " + id));
    }
}
