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
import io.smallrye.common.annotation.NonBlocking;

@Path("/api/v1/entities/match")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final NameDirectory directory;

    public MatchResource(NameDirectory directory) {
        this.directory = directory;
    }

    @POST
    @RolesAllowed("reader")
    // pure CPU work of about a millisecond in memory: on the event loop, one per core, rather than handed to a worker
    @NonBlocking
    @Operation(summary = "Find the entities a name may stand for", description = "Across spellings and scripts: case, diacritics and apostrophes; transliteration variants; the Arabic article; name order; Arabic and Latin script. Weak aliases and abbreviations match only exactly.")
    @APIResponse(responseCode = "200", description = "Candidates, best first", content = @Content(schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public MatchResult match(@Valid @NotNull MatchRequest request) {
        directory.requireReady();
        var candidates = directory.index()
                .match(request.name(), request.type() == null ? null : request.type().name(),
                        request.limit() == null ? 10 : request.limit())
                .stream().map(c -> {
                    NameDirectory.Known known = directory.entity(c.entityId());
                    return new MatchResult.Candidate(c.entityId(), c.entityType(),
                            known == null ? null : known.primaryName(), Math.round(c.score() * 1000) / 1000.0,
                            c.matchedName(), c.matchedKind().name(), c.rule());
                }).toList();
        return new MatchResult(candidates);
    }
}
