package io.dossier.audit;

import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The audit trail's filters as query parameters, shared by each service's trail and the platform's. */
public class AuditQuery {

    @QueryParam("actor")
    @Size(max = 255)
    public String actor;

    @QueryParam("action")
    public AuditAction action;

    @QueryParam("targetType")
    @Size(max = 40)
    public String targetType;

    @QueryParam("targetId")
    @Size(max = 255)
    public String targetId;

    @QueryParam("collection")
    @Size(max = 100)
    public String collection;

    @QueryParam("from")
    @Parameter(description = "ISO 8601 with an offset, inclusive", example = "2026-01-01T00:00:00Z")
    public String from;

    @QueryParam("to")
    @Parameter(description = "ISO 8601 with an offset, exclusive")
    public String to;

    /** The filter, with 400 for a time that is not ISO 8601 with an offset or a NUL in a text. */
    public AuditFilter filter() {
        return AuditResource.filter(actor, action, targetType, targetId, collection, from, to);
    }
}
