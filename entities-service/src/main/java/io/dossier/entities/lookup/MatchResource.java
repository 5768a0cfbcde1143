package io.dossier.entities.lookup;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.entities.registry.EntityType;
import io.dossier.names.matching.NameIndex;
import io.micrometer.core.annotation.Timed;
import io.smallrye.common.annotation.NonBlocking;

@Path("/api/v1/entities/match")
@Tag(name = "Entities")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final NameDirectory directory;
    private final ManagedExecutor executor;

    public MatchResource(NameDirectory directory, ManagedExecutor executor) {
        this.directory = directory;
        this.executor = executor;
    }

    @POST
    @RolesAllowed("reader")
    // pure CPU work of about a millisecond in memory: on the event loop, one per core, rather than handed to a worker
    @NonBlocking
    @Operation(operationId = "matchName", summary = "Find the entities a name may stand for", description = "Across spellings and scripts: case, diacritics and apostrophes; transliteration variants; the Arabic article; name order; Arabic and Latin script. Weak aliases and abbreviations match only exactly.")
    @APIResponse(responseCode = "200", description = "Candidates, best first", content = @Content(schema = @Schema(implementation = MatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Timed(value = "dossier.matching", description = "Name matching against the registry", extraTags = {"call", "one"})
    public MatchResult match(@Valid @NotNull MatchRequest request) {
        directory.requireReady();
        return new MatchResult(candidates(directory.index(), request.name(), request.type(),
                request.limit() == null ? 10 : request.limit()));
    }

    @POST
    @Path("/batch")
    @RolesAllowed("reader")
    @Operation(operationId = "matchNames", summary = "Find the entities of many names in one call", description = "As `POST /api/v1/entities/match` for each of up to 1,000 names (each with its own type and the caller's key, `ref`), matched on every core; the answer keeps the order of the names. Five candidates a name unless `limit` says otherwise. The script of each name (Latin, Arabic, Persian) is read from the name itself.")
    @APIResponse(responseCode = "200", description = "Each name's candidates, best first, in the order sent", content = @Content(schema = @Schema(implementation = MatchBatchResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input: no names, more than 1,000, a blank name", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is still loading", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Timed(value = "dossier.matching", description = "Name matching against the registry", extraTags = {"call",
            "batch"})
    public MatchBatchResult matchBatch(@Valid @NotNull MatchBatchRequest request) {
        directory.requireReady();
        NameIndex index = directory.index();
        int limit = request.limit() == null ? 5 : request.limit();
        // a thousand names take about a second of CPU: over the cores, on the worker pool
        List<MatchBatchResult.Matched> results = Slices.map(request.names(), 50, executor,
                slice -> matched(index, slice, limit));
        return new MatchBatchResult(results);
    }

    private List<MatchBatchResult.Matched> matched(NameIndex index, List<MatchBatchRequest.Name> names, int limit) {
        return names.stream().map(n -> new MatchBatchResult.Matched(n.name(), n.ref(),
                candidates(index, n.name(), n.type(), limit))).toList();
    }

    private List<MatchResult.Candidate> candidates(NameIndex index, String name, EntityType type, int limit) {
        return index.match(name, type == null ? null : type.name(), limit).stream().map(c -> {
            NameDirectory.Known known = directory.entity(c.entityId());
            return new MatchResult.Candidate(c.entityId(), c.entityType(), known == null ? null : known.primaryName(),
                    Math.round(c.score() * 1000) / 1000.0, c.matchedName(), c.matchedKind().name(), c.rule());
        }).toList();
    }
}
