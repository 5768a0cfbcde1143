package io.dossier.search.candidates;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import io.dossier.search.query.CollectionAccess;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/candidates")
@Tag(name = "Candidates")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("editor")
public class CandidateResource {

    private final CandidateQueue queue;
    private final CandidateDecisions decisions;
    private final SecurityIdentity identity;

    public CandidateResource(CandidateQueue queue, CandidateDecisions decisions, SecurityIdentity identity) {
        this.queue = queue;
        this.decisions = decisions;
        this.identity = identity;
    }

    @GET
    @Operation(operationId = "listCandidates", summary = "Names the registry does not hold yet", description = "The names of people, organisations and places found in the documents the caller may read that no registered name covers, most documents first (`trend=new`: those first seen in the last seven days, newest first). Each with its documents and mentions, when it was first and last seen, a few passages, and the registry entities it may be another name of. Names an editor accepted or rejected are left out. Editors only.")
    @APIResponse(responseCode = "200", description = "A page of candidates", content = @Content(schema = @Schema(implementation = CandidatePage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an editor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "Elasticsearch is unreachable", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CandidatePage list(
            @Parameter(description = "PERSON, ORGANIZATION or LOCATION") @QueryParam("type") @Pattern(regexp = "PERSON|ORGANIZATION|LOCATION", message = "must be PERSON, ORGANIZATION or LOCATION") String type,
            @Parameter(description = "Only in documents of this language (en, ar, fa ...)") @QueryParam("language") @Pattern(regexp = "[a-z]{2,3}", message = "must be a language code such as en or ar") String language,
            @Parameter(description = "Only in documents of this collection") @QueryParam("collection") @Size(max = 64) @Pattern(regexp = "[^\\x00-\\x1f]*+", message = "must not contain control characters") String collection,
            @Parameter(description = "Found in at least this many documents (default 2)") @QueryParam("minDocuments") @DefaultValue("2") @Min(1) @Max(100_000) int minDocuments,
            @Parameter(description = "`new`: first seen in the last seven days, newest first") @QueryParam("trend") @Pattern(regexp = "new", message = "must be new") String trend,
            @QueryParam("from") @DefaultValue("0") @Min(0) @Max(CandidateQueue.MAX_FROM) int from,
            @QueryParam("size") @DefaultValue("25") @Min(1) @Max(100) int size) {
        return queue.list(new CandidateFilter(type, language, collection, minDocuments, "new".equals(trend), from,
                size), CollectionAccess.readable(identity));
    }

    @POST
    @Path("accept")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "acceptCandidate", summary = "Add a candidate to the registry", description = "As a new entity of the candidate's type named so, or, with `entityId`, as another name (an alias) of that entity. The registry is written with the caller's token; the documents that hold the name are then linked to the entity, as after any registry change. Editors only.")
    @APIResponse(responseCode = "200", description = "The decision, with the entity that now holds the name", content = @Content(schema = @Schema(implementation = DecisionResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input, or refused by the registry", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such entity", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Accepted already (by whom, when, as which entity)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The registry is unreachable: nothing was added", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionResult accept(@Valid @NotNull DecisionRequest request) {
        return decisions.accept(request, identity.getPrincipal().getName(), token());
    }

    @POST
    @Path("reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "rejectCandidate", summary = "Never propose a candidate again", description = "The name, of this type, leaves the queue for good. Editors only.")
    @APIResponse(responseCode = "200", description = "The decision", content = @Content(schema = @Schema(implementation = DecisionResult.class)))
    @APIResponse(responseCode = "400", description = "Invalid input", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionResult reject(@Valid @NotNull DecisionRequest request) {
        return decisions.reject(request, identity.getPrincipal().getName());
    }

    private String token() {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        return credential == null ? null : credential.getToken();
    }
}
