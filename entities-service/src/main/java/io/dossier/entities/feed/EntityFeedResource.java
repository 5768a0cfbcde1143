package io.dossier.entities.feed;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import io.dossier.entities.journal.ChangeJournal;

@Path("/api/v1/entities/changes")
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
public class EntityFeedResource {

    private final EntityFeed feed;
    private final ChangeJournal journal;

    public EntityFeedResource(EntityFeed feed, ChangeJournal journal) {
        this.feed = feed;
        this.journal = journal;
    }

    @GET
    @RolesAllowed({"feed-consumer", "admin"})
    @Transactional
    @Operation(operationId = "entityChanges", summary = "The registry's changes in commit order", description = "Creates, updates, merges and deletions after sequence `after`; replaying from 0 rebuilds the registry.")
    @APIResponse(responseCode = "200", description = "A page of changes", content = @Content(schema = @Schema(implementation = EntityChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EntityChangePage changes(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        long head = journal.head();
        List<EntityChangeDto> changes = feed.read(after, limit);
        long next = changes.isEmpty() ? after : changes.get(changes.size() - 1).seq();
        return new EntityChangePage(changes, next, head);
    }
}
