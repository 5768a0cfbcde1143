package io.dossier.search.query;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import io.dossier.common.problem.ProblemException;

@Path("/api/v1/search")
@Tag(name = "Search")
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    /** Elasticsearch's result window: deeper pages need a cursor. */
    static final int MAX_WINDOW = 10_000;

    private final SearchService search;

    public SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @RolesAllowed("reader")
    @Operation(summary = "Full-text search over sources", description = "Words are ANDed; \"phrases\", -exclusion, OR (|) and prefix* work.")
    @APIResponse(responseCode = "200", description = "Hits with highlighted snippets and the total", content = @Content(schema = @Schema(implementation = SearchResults.class)))
    @APIResponse(responseCode = "400", description = "Invalid query or parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SearchResults search(
            @Parameter(description = "The query", example = "Kataib Hezbollah") @QueryParam("q") @NotBlank @Size(max = 1000) String q,
            @QueryParam("from") @DefaultValue("0") @Min(0) @Max(9_980) int from,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        if (from + size > MAX_WINDOW) {
            throw new ProblemException(400, "from + size must not exceed " + MAX_WINDOW);
        }
        return search.search(q, from, size);
    }
}
