package io.dossier.entities.registry;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;

@Path("/api/v1/entities")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
public class EntityResource {

    private final RegistryService registry;

    public EntityResource(RegistryService registry) {
        this.registry = registry;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(summary = "List entities", description = "Ordered by primary name; filter by type.")
    @APIResponse(responseCode = "200", description = "A page of entities", content = @Content(schema = @Schema(implementation = EntityPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityPage list(@QueryParam("type") EntityType type,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(100_000) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return registry.list(type, page, size);
    }

    @GET
    @Path("{id}")
    @RolesAllowed("reader")
    @Operation(summary = "Read one entity with all its names")
    @APIResponse(responseCode = "200", description = "The entity", content = @Content(schema = @Schema(implementation = EntityDto.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityDto get(@PathParam("id") UUID id) {
        return registry.find(id).orElseThrow(() -> ProblemException.notFound("No entity " + id));
    }
}
