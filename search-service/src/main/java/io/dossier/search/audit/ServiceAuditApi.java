package io.dossier.search.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.dossier.audit.AuditPage;

/**
 * Another service's own audit trail ({@code GET /api/v1/audit/events} of the audit module), asked with the caller's
 * own token: only an administrator gets an answer.
 */
@Path("/api/v1/audit/events")
public interface ServiceAuditApi {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    AuditPage events(@HeaderParam("Authorization") String authorization, @QueryParam("actor") String actor,
            @QueryParam("action") String action, @QueryParam("targetType") String targetType,
            @QueryParam("targetId") String targetId, @QueryParam("collection") String collection,
            @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("cursor") String cursor,
            @QueryParam("size") int size);
}
