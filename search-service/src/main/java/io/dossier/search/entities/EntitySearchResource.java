package io.dossier.search.entities;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.search.query.CollectionAccess;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/search/entities")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reader")
public class EntitySearchResource {

    private final EntitySearchService service;
    private final SecurityIdentity identity;

    public EntitySearchResource(EntitySearchService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "suggestEntities", summary = "Entity typeahead", description = "Registry entities with a name that begins with what was typed, word by word, or is within a typo or two of it, in any script: case, diacritics, apostrophes and Arabic letter forms are folded. Exact names first.")
    @APIResponse(responseCode = "200", description = "Entities, best first, each with the name that matched", content = @Content(schema = @Schema(implementation = EntitySuggestions.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntitySuggestions suggest(
            @Parameter(description = "What was typed so far", example = "kataib hez") @QueryParam("q") @NotBlank @Size(max = 200) String q,
            @Parameter(description = "Only entities of these types (PERSON, ORGANIZATION, LOCATION, EVENT)") @QueryParam("type") @Size(max = 4) List<@Pattern(regexp = "[A-Z_]{1,32}", message = "must be an entity type such as PERSON") String> type,
            @QueryParam("size") @DefaultValue("10") @Min(1) @Max(50) int size) {
        return service.suggest(q, type == null ? List.of() : type, size);
    }

    @GET
    @Path("{id}/co-mentioned")
    @Operation(operationId = "coMentionedEntities", summary = "Entities mentioned with an entity", description = "The entities most often linked in the same documents as this one, with the number of documents, among the documents the caller may read.")
    @APIResponse(responseCode = "200", description = "The entity's document count and its co-mentioned entities", content = @Content(schema = @Schema(implementation = CoMentions.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CoMentions coMentioned(
            @PathParam("id") @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "must be an entity id") String id,
            @QueryParam("size") @DefaultValue("10") @Min(1) @Max(100) int size) {
        return service.coMentioned(id.toLowerCase(java.util.Locale.ROOT), CollectionAccess.readable(identity), size);
    }
}
