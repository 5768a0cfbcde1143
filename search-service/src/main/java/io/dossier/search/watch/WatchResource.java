package io.dossier.search.watch;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.idempotency.Idempotent;
import io.dossier.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/watches")
@Tag(name = "Watches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reader")
public class WatchResource {

    private final WatchService watches;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public WatchResource(WatchService watches, SecurityIdentity identity, JsonWebToken token) {
        this.watches = watches;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWatch", summary = "Watch a search or an entity", description = "A saved search (`query` as the search API takes it with syntax=strict, `filters` as its parameters) or an entity (`entityId`). From now on every document that newly matches, new, edited or re-linked, yields one notification. At most 200 watches per user.")
    @APIResponse(responseCode = "201", description = "Saved", headers = @Header(name = "Location", description = "The new watch", schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(schema = @Schema(implementation = WatchDtos.WatchView.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of query and entityId, a query the search refuses, an unknown entity, bad filters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The caller has 200 watches already", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = "Any unique value (a UUID is best): the same key with the same request answers the first result again (header Idempotent-Replayed: true) instead of creating a second; kept a day", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(WatchDtos.WatchRequest request) {
        WatchDtos.WatchView created = watches.create(request, Caller.of(identity, token));
        return Response.created(URI.create("/api/v1/watches/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWatches", summary = "The caller's watches", description = "Oldest first, each with when a document last matched. `all=true` (administrators): everyone's, in pages.")
    @APIResponse(responseCode = "200", description = "Watches", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WatchDtos.WatchView.class)))
    @APIResponse(responseCode = "403", description = "all=true without the admin role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<WatchDtos.WatchView> list(
            @Parameter(description = "Everyone's watches (administrators)") @QueryParam("all") @DefaultValue("false") boolean all,
            @Parameter(description = "With all=true: skip this many") @QueryParam("from") @DefaultValue("0") @Min(0) @Max(1_000_000) int from,
            @Parameter(description = "With all=true: page size") @QueryParam("size") @DefaultValue("200") @Min(1) @Max(200) int size) {
        return watches.list(Caller.of(identity, token), all, from, size);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWatch", summary = "One watch, with its latest matches the caller may read", description = "The owner's, or any with the admin role.")
    @APIResponse(responseCode = "200", description = "The watch", content = @Content(schema = @Schema(implementation = WatchDtos.WatchView.class)))
    @APIResponse(responseCode = "404", description = "No such watch of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchDtos.WatchView get(@PathParam("id") UUID id) {
        return watches.get(id, Caller.of(identity, token));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWatch", summary = "Rename a watch, or change its search", description = "Only its owner. A changed query is checked and its registry names found again.")
    @APIResponse(responseCode = "200", description = "The watch as changed", content = @Content(schema = @Schema(implementation = WatchDtos.WatchView.class)))
    @APIResponse(responseCode = "400", description = "As for creation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such watch of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchDtos.WatchView update(@PathParam("id") UUID id, WatchDtos.WatchPatch patch) {
        return watches.update(id, patch, Caller.of(identity, token));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWatch", summary = "Stop watching", description = "Its owner, or an administrator. Its notifications go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such watch of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        watches.delete(id, Caller.of(identity, token));
    }
}
