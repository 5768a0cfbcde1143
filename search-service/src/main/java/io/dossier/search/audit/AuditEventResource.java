package io.dossier.search.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.audit.AuditAction;
import io.dossier.audit.AuditTrail;
import io.dossier.common.problem.Problem;
import io.dossier.common.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Events that happen outside the services that keep data: the gateway's administration page changes roles in
 * Keycloak, and its search page builds exports from many searches. It records them here with the acting user's own
 * token, so the actor is who the token says, never what the request claims.
 */
@Path("/api/v1/audit/events")
@Tag(name = "Audit")
public class AuditEventResource {

    private final AuditTrail trail;
    private final SecurityIdentity identity;

    public AuditEventResource(AuditTrail trail, SecurityIdentity identity) {
        this.trail = trail;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("reader")
    @Operation(operationId = "recordAuditEvent", summary = "Record an event of the caller's own", description = """
            For the gateway's pages: `ROLES` with type `user` (the user whose roles changed; administrators only)
            and `EXPORT` with type `search` (the search exported). The actor is the caller; the services record
            everything else themselves.""")
    @APIResponse(responseCode = "204", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Not an event recorded this way", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "ROLES from someone who is not an administrator", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull AuditRequest request) {
        boolean roles = request.action() == AuditAction.ROLES && request.targetType().equals("user");
        boolean export = request.action() == AuditAction.EXPORT && request.targetType().equals("search");
        if (!roles && !export) {
            throw ProblemException.badRequest("Only ROLES of a user and EXPORT of a search are recorded this way;"
                    + " the services record everything else themselves");
        }
        if (roles && !identity.hasRole("admin")) {
            throw new ProblemException(403, "Only an administrator changes roles");
        }
        trail.record(request.action(), request.targetType(), request.targetId(), null, request.summary());
        return Response.noContent().build();
    }
}
