package io.dossier.sources.feed;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;

@Path("/api/v1/sources/changes")
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ChangeFeed feed;

    public ChangeFeedResource(ChangeFeed feed) {
        this.feed = feed;
    }

    @GET
    @RolesAllowed({"feed-consumer", "admin"})
    @Operation(summary = "Read the change feed", description = "Creates, updates and deletions in commit order. Replay from after=0 to rebuild everything.")
    @APIResponse(responseCode = "200", description = "Up to `limit` entries after `after`", content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ChangePage changes(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("collection") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String collection) {
        long head = feed.head();
        List<ChangeDto> changes = feed.read(after, limit, collection);
        return new ChangePage(changes, changes.isEmpty() ? after : changes.get(changes.size() - 1).seq(), head);
    }
}
