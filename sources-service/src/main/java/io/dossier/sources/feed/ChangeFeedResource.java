package io.dossier.sources.feed;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
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

import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.Problem;
import io.dossier.common.security.CollectionAccess;
import io.dossier.sources.journal.ChangeJournal;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/sources/changes")
@Tag(name = "Change feed")
@Produces(MediaType.APPLICATION_JSON)
public class ChangeFeedResource {

    private final ChangeFeed feed;
    private final ChangeJournal journal;
    private final SecurityIdentity identity;
    private final AuditTrail audit;

    public ChangeFeedResource(ChangeFeed feed, ChangeJournal journal, SecurityIdentity identity, AuditTrail audit) {
        this.audit = audit;
        this.feed = feed;
        this.journal = journal;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"reader", "feed-consumer", "admin"})
    @Operation(operationId = "sourceChanges", summary = "Read the change feed", description = """
            Creates, updates and deletions in commit order, each with the source's state now (none once deleted).
            Replay from after=0 to rebuild everything; keep `next` and ask again for what came since. A caller
            limited to some collections (every role but the services' feed-consumer and admin) sees the entries of
            the changes made in them and the moves out of them (with no state, as a deletion would be); the state of
            a source that has moved out since is left out too. `next` is the last entry's sequence number (or `after`
            when none came), `head` the last one the caller may see.""")
    @APIResponse(responseCode = "200", description = "Up to `limit` entries after `after`", content = @Content(schema = @Schema(implementation = ChangePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Transactional
    public ChangePage changes(@QueryParam("after") @DefaultValue("0") @Min(0) long after,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit,
            @QueryParam("collection") @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String collection) {
        Set<String> readable = CollectionAccess.readable(identity);
        Set<String> scope = collection == null
                ? readable
                : readable == null || readable.contains(collection) ? Set.of(collection) : Set.of();
        long head = readable == null ? journal.head() : journal.head(scope); // nothing the caller cannot see
        List<ChangeDto> changes = feed.read(after, limit, scope);
        if (!identity.hasRole("feed-consumer")) {
            // a person reading the feed reads each source's text in it: recorded as any other read of a restricted
            // document (the services that index the feed read everything, for everyone, and are not)
            // (each source once a page, however many of its changes the page holds; one transaction for them all)
            java.util.Set<java.util.UUID> recorded = new java.util.HashSet<>();
            for (ChangeDto change : changes) {
                if (change.source() != null && recorded.add(change.sourceId())) {
                    audit.read("source", change.sourceId(), change.collection(), "change feed: "
                            + change.source().title());
                }
            }
        }
        return new ChangePage(changes, changes.isEmpty() ? after : changes.get(changes.size() - 1).seq(), head);
    }
}
