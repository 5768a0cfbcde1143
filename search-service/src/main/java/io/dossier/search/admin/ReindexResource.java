package io.dossier.search.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.dossier.search.SearchConfig;
import io.dossier.search.indexing.DocumentIndex;
import io.dossier.search.indexing.FeedIndexer;
import io.quarkus.logging.Log;

@Path("/api/v1/admin/reindex")
@Tag(name = "Administration")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class ReindexResource {

    private final DocumentIndex index;
    private final FeedIndexer indexer;
    private final SearchConfig config;

    public ReindexResource(DocumentIndex index, FeedIndexer indexer, SearchConfig config) {
        this.index = index;
        this.indexer = indexer;
        this.config = config;
    }

    @POST
    @Operation(operationId = "reindex", summary = "Rebuild the documents index", description = "Builds a new index from the start of the sources feed, linking every document again with the registry as it is now, while searches keep using the current one; when the new index has caught up, the alias moves to it in one step and the old index is deleted. Asking while a rebuild runs returns that rebuild.")
    @APIResponse(responseCode = "202", description = "The rebuild runs (follow it with GET)", content = @Content(schema = @Schema(implementation = IndexingStatus.class)))
    @APIResponse(responseCode = "409", description = "This instance does not follow the feeds", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response reindex() {
        if (!config.feed().enabled()) {
            throw new ProblemException(409, "This instance does not follow the feeds, so it cannot rebuild the index");
        }
        try {
            if (!indexer.status().active()) {
                index.refreshView(); // the active instance may have moved the alias since this one looked
            }
            index.startBuild();
        } catch (IOException | RuntimeException e) {
            Log.warnf("rebuild not started: %s", e.getMessage());
            throw new ProblemException(503, "Elasticsearch did not answer; the rebuild was not started");
        }
        return Response.accepted(status()).build();
    }

    /** How long the status waits for Elasticsearch to tell it where the alias points now. */
    static final Duration VIEW_REFRESH_WAIT = Duration.ofSeconds(1);

    @GET
    @Operation(operationId = "getIndexingStatus", summary = "Indexing status", description = "The index behind the alias, a rebuild in progress, and how far each feed is indexed.")
    @APIResponse(responseCode = "200", description = "The status", content = @Content(schema = @Schema(implementation = IndexingStatus.class)))
    public IndexingStatus status() {
        FeedIndexer.Status s = indexer.status();
        if (!s.active()) {
            // best effort and bounded: while Elasticsearch is slow or away (a standby, or an instance that lost the
            // lease in the outage), the status answers from what this instance knows rather than hang
            CompletableFuture<Void> refreshed = CompletableFuture.runAsync(() -> {
                try {
                    index.refreshView();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                refreshed.get(VIEW_REFRESH_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                Log.debugf("index view not refreshed: %s", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String building = index.buildingName();
        return new IndexingStatus(index.name(), index.liveName(), building, building == null ? "idle" : "building",
                s.running(), s.instance(), s.active() ? "active" : "standby", s.lastError(), s.sourcesHead(),
                s.liveSeq(), s.buildingSeq(), s.registrySeq(),
                s.relinkPending(), s.relinked());
    }
}
