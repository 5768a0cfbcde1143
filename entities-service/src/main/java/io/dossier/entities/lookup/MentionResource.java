package io.dossier.entities.lookup;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;

@Path("/api/v1/mentions")
@Tag(name = "Mentions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MentionResource {

    private final NameDirectory directory;

    public MentionResource(NameDirectory directory) {
        this.directory = directory;
    }

    @POST
    @RolesAllowed("reader")
    @Operation(summary = "Link a text to the entities it mentions", description = "Every name of every entity in one pass; whole words only, the longest match wins; abbreviations and weak aliases only where the text supports them. `registrySeq` is the registry change feed sequence the linking reflects: a change at or before it is taken into account.")
    @APIResponse(responseCode = "200", description = "Mentions in text order", content = @Content(schema = @Schema(implementation = MentionResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MentionResult mentions(@Valid @NotNull MentionRequest request) {
        directory.requireReady();
        long registrySeq = directory.linkerSeq(); // read before the linker: the linker is at least this recent
        var mentions = directory.linker().link(request.text()).stream().map(m -> {
            NameDirectory.Known known = directory.entity(m.entityId());
            return new MentionResult.Mention(m.entityId(), known == null ? null : known.type(),
                    known == null ? null : known.primaryName(), m.start(), m.end(), m.surface(), m.name());
        }).toList();
        return new MentionResult(mentions, registrySeq);
    }
}
