package io.dossier.entities.relations;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import io.dossier.common.security.CollectionAccess;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/relations")
@Tag(name = "Relations")
@Produces(MediaType.APPLICATION_JSON)
public class RelationResource {

    private static final String PROBLEM = Problem.MEDIA_TYPE;

    private final RelationService relations;
    private final CitedSources cited;
    private final SecurityIdentity identity;

    public RelationResource(RelationService relations, CitedSources cited, SecurityIdentity identity) {
        this.relations = relations;
        this.cited = cited;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(operationId = "listRelations", summary = "List relations", description = "Of one entity (both ways, through merges) and/or of one type. Each relation shows only the citations of sources the caller may read.")
    @APIResponse(responseCode = "200", description = "Relations", content = @Content(schema = @Schema(implementation = RelationDto.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sources service cannot tell which citations the caller may see", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<RelationDto> list(@QueryParam("entity") UUID entity, @QueryParam("type") RelationType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return visible(relations.list(entity, type, page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(operationId = "getRelation", summary = "Read one relation", description = "With only the citations of sources the caller may read.")
    @APIResponse(responseCode = "200", description = "The relation, its version as ETag", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = RelationDto.class)))
    @APIResponse(responseCode = "404", description = "No such relation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sources service cannot tell which citations the caller may see", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        RelationDto relation = visible(
                relations.find(id).orElseThrow(() -> ProblemException.notFound("No relation " + id)));
        return Response.ok(relation).tag(new EntityTag(Long.toString(relation.version()))).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "createRelation", summary = "Relate two entities, citing the sources that back it", description = "Each cited source must exist and be one the writer may read, and each quote must occur in its source's text (spacing, case and typographic quotes aside).")
    @APIResponse(responseCode = "201", description = "Created", headers = {
            @Header(name = "Location", description = "Where the new resource is read", schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = RelationDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, an entity that does not exist, a cited source that does not exist or that the writer cannot read, or a quote not in its source", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sources service cannot check the citations right now", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = "Any unique value (a UUID is best): the same key with the same request answers the first result again (header Idempotent-Replayed: true) instead of creating a second; kept a day", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "409", description = "A request with this Idempotency-Key is still being carried out", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RelationRequest request) {
        cited.verify(request.citations(), "citations");
        RelationDto relation = visible(relations.create(request, identity.getPrincipal().getName()));
        return Response.created(URI.create("/api/v1/relations/" + relation.id())).entity(relation)
                .tag(new EntityTag(Long.toString(relation.version()))).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("editor")
    @Operation(operationId = "replaceRelation", summary = "Replace a relation", description = "Requires If-Match with the ETag last read. Citations are checked as when creating; citations of sources the writer cannot read (and so never saw) are kept as they are.")
    @APIResponse(responseCode = "200", description = "The relation as it is now", headers = {
            @Header(name = "ETag", description = "The version, to send back in If-Match", schema = @Schema(type = SchemaType.STRING))}, content = @Content(schema = @Schema(implementation = RelationDto.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or a citation that does not check out", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The sources service cannot check the citations right now", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such relation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The relation cites sources the writer cannot read, and the request changes its entities or type", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since that ETag", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull RelationRequest request) {
        if (ifMatch == null) {
            throw new ProblemException(428, "Send If-Match with the ETag of the version you edited");
        }
        RelationDto current = relations.find(id).orElseThrow(() -> ProblemException.notFound("No relation " + id));
        Set<UUID> seen = seen(current);
        // citations already on the relation stand as they were written; new ones are checked
        cited.verify(request.citations(), "citations", Set.copyOf(current.citations()), new java.util.HashMap<>());
        RelationDto relation = visible(relations.replace(id, IfMatch.version(ifMatch, "this relation"), request, seen));
        return Response.ok(relation).tag(new EntityTag(Long.toString(relation.version()))).build();
    }

    /** The sources this relation cites that the caller may read; null when the caller may read all. */
    private Set<UUID> seen(RelationDto relation) {
        Set<String> collections = CollectionAccess.readable(identity);
        if (collections == null) {
            return null;
        }
        Set<UUID> cites = relation.citations().stream().map(Citation::sourceId).collect(Collectors.toSet());
        return cites.isEmpty() || collections.isEmpty() ? Set.of() : cited.readable(cites);
    }

    private List<RelationDto> visible(List<RelationDto> shown) {
        return cited.visible(shown, CollectionAccess.readable(identity));
    }

    private RelationDto visible(RelationDto shown) {
        return visible(List.of(shown)).get(0);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed("editor")
    @Operation(operationId = "deleteRelation", summary = "Delete a relation", description = "Only by someone who may read every source it cites.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The relation cites sources the writer cannot read", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such relation", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "Changed since that ETag", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        RelationDto current = relations.find(id).orElseThrow(() -> ProblemException.notFound("No relation " + id));
        relations.delete(id, ifMatch == null ? null : IfMatch.version(ifMatch, "this relation"), seen(current));
        return Response.noContent().build();
    }
}
