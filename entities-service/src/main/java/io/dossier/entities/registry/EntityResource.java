package io.dossier.entities.registry;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.http.IfMatch;
import io.dossier.common.idempotency.Idempotent;
import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/entities")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final RegistryService registry;
    private final SecurityIdentity identity;
    private final TwinFinder twins;

    public EntityResource(RegistryService registry, SecurityIdentity identity, TwinFinder twins) {
        this.twins = twins;
        this.registry = registry;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(operationId = "listEntities", summary = "List entities", description = "Ordered by primary name; merged entities are left out. Filter by type, tag, a part of any name, or ids (up to 100, for pages that show many entities at once).")
    @APIResponse(responseCode = "200", description = "A page of entities", content = @Content(schema = @Schema(implementation = EntityPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public EntityPage list(@QueryParam("type") EntityType type,
            @QueryParam("tag") @Size(max = 64) @jakarta.validation.constraints.Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String tag,
            @QueryParam("name") @Size(min = 1, max = 200) @jakarta.validation.constraints.Pattern(regexp = "[^\\x00]*+", message = "must not contain NUL characters") String name,
            @QueryParam("id") @Size(max = 100) List<UUID> ids,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return registry.list(type, tag, name, ids, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(operationId = "getEntity", summary = "Read one entity with all its names", description = "The id of a merged entity gives the entity it was merged into (Content-Location names it).")
    @APIResponse(responseCode = "200", description = "The entity, its version as ETag", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        EntityDto entity = registry.find(id).orElseThrow(() -> ProblemException.notFound("No entity " + id));
        return ok(entity);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "createEntity", summary = "Add an entity to the registry", description = "The entity is created whatever it resembles; the answer lists in `possibleDuplicates` the entities of the same type already there that it may be the twin of (a name equal or close to one of theirs), for the editor to merge if they are.")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = "Where the new resource is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An external id already belongs to another entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = "Any unique value (a UUID is best): the same key with the same request answers the first result again (header Idempotent-Replayed: true) instead of creating a second; kept a day", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull EntityRequest request) {
        EntityDto entity = registry.create(request, user());
        return Response.created(URI.create("/api/v1/entities/" + entity.id()))
                .entity(entity.withPossibleDuplicates(twins.twinsOf(entity))).tag(etag(entity.version())).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "replaceEntity", summary = "Replace an entity's content", description = "Requires If-Match with the ETag last read; a stale one is refused with 412.")
    @APIResponse(responseCode = "200", description = "The entity as it is now", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Location", description = "The entity's own address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An external id already belongs to another entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The entity changed since that ETag", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull EntityRequest request) {
        if (ifMatch == null) {
            throw new ProblemException(428, "Send If-Match with the ETag of the version you edited");
        }
        return ok(registry.replace(id, IfMatch.version(ifMatch, "this entity"), request, user()));
    }

    @POST
    @Path("{id}/names")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "addEntityName", summary = "Add a name to an entity", description = "A name it already has changes nothing.")
    @APIResponse(responseCode = "200", description = "The entity with the name", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Location", description = "The entity's own address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response addName(@PathParam("id") UUID id, @Valid @NotNull EntityRequest.NameRequest name) {
        return ok(registry.addName(id, name, user()));
    }

    @POST
    @Path("{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "mergeEntity", summary = "Merge another entity into this one", description = "This entity gains the other's names, attributes, external ids, tags and relations; the other's id resolves to this one from now on. With If-Match, only that version of this entity.")
    @APIResponse(responseCode = "200", description = "The merged entity", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING)),
            @Header(name = "Content-Location", description = "The entity's own address", schema = @Schema(type = SchemaType.STRING, format = "uri-reference"))}, content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The same entity, or entities of different types", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "This entity changed since that ETag", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response merge(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MergeRequest request) {
        return ok(registry.merge(id, ifMatch == null ? null : IfMatch.version(ifMatch, "this entity"), request.from(),
                user()));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    @Operation(operationId = "deleteEntity", summary = "Delete an entity", description = "Leaves a tombstone on the feed. An entity with relations is refused (409): merge it instead.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The entity still has relations", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "The entity changed since that ETag", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        registry.delete(id, ifMatch == null ? null : IfMatch.version(ifMatch, "this entity"), user());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/history")
    @RolesAllowed("reader")
    @Operation(operationId = "getEntityHistory", summary = "Every state the entity went through", description = "Oldest first: the operation, who made it, when, and the entity as it became.")
    @APIResponse(responseCode = "200", description = "The revisions", content = @Content(schema = @Schema(implementation = RevisionDto.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<RevisionDto> history(@PathParam("id") UUID id) {
        List<RevisionDto> history = registry.history(id);
        if (history.isEmpty()) {
            throw ProblemException.notFound("No entity " + id);
        }
        return history;
    }

    private Response ok(EntityDto entity) {
        return Response.ok(entity).tag(etag(entity.version()))
                .header("Content-Location", "/api/v1/entities/" + entity.id()).build();
    }

    @GET
    @Path("{id}/merges")
    @RolesAllowed("reader")
    @Operation(operationId = "listMerges", summary = "The merges into an entity", description = "Newest first: the entity merged (as it was named), who merged it and when, and who undid it and when if it was undone.")
    @APIResponse(responseCode = "200", description = "The merges", content = @Content(schema = @Schema(implementation = MergeDto.class, type = SchemaType.ARRAY)))
    public List<MergeDto> merges(@PathParam("id") UUID id) {
        return registry.merges(id);
    }

    @POST
    @Path("{id}/merges/{mergeId}/undo")
    @RolesAllowed("editor")
    @Operation(operationId = "undoMerge", summary = "Undo a merge", description = "The merged entity comes back with its names, attributes, external ids and tags as they were before the merge; the relations it brought go back to it, the relations between the two come back, and entities merged into it before point at it again. This entity keeps what was its own and what came to it since. Documents are linked again.")
    @APIResponse(responseCode = "200", description = "The entity brought back", headers = {
            @Header(name = "ETag", description = "Its version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "404", description = "No such merge into this entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Undone already, or either entity changed in a way that stops it (this entity merged into another since)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response undoMerge(@PathParam("id") UUID id, @PathParam("mergeId") UUID mergeId) {
        EntityDto back = registry.unmerge(id, mergeId, user());
        return Response.ok(back).tag(etag(back.version())).build();
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }
}
