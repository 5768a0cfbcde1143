package io.dossier.audit;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
import io.dossier.common.problem.ProblemException;

/**
 * This service's own audit trail, for administrators. The whole platform's, merged, is the search service's
 * {@code GET /api/v1/audit}.
 */
@Path("/api/v1/audit/events")
@Tag(name = "Audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    private final AuditLog log;

    public AuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(operationId = "auditEvents", summary = "This service's audit trail, newest first", description = """
            Who read documents of restricted collections, who created, changed, merged or deleted what, who exported
            what, as this service recorded it. Every filter given must match; `next` pages on.""")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(schema = @Schema(implementation = AuditPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid filters or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AuditPage events(@Valid @BeanParam AuditQuery query,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        return log.page(query.filter(), AuditCursor.decode(cursor), size);
    }

    /** The filter of the query parameters, with 400 for a time that is not ISO 8601 with an offset. */
    public static AuditFilter filter(String actor, AuditAction action, String targetType, String targetId,
            String collection, String from, String to) {
        return new AuditFilter(text("actor", actor), action, text("targetType", targetType),
                text("targetId", targetId), text("collection", collection), time("from", from), time("to", to));
    }

    /** A filter's text, stripped; null for none; 400 for a NUL, which no event holds and PostgreSQL refuses. */
    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            throw ProblemException.invalidField(name, "must not contain NUL characters");
        }
        return value.strip();
    }

    private static OffsetDateTime time(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            OffsetDateTime time = OffsetDateTime.parse(value.strip());
            if (!storable(time)) {
                throw ProblemException.badRequest(name + " must lie between the years 1 and 9999");
            }
            return time;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a time in ISO 8601 with an offset, such as "
                    + "2026-01-01T00:00:00Z");
        }
    }

    /**
     * Whether PostgreSQL can compare with this time: Java parses years up to ±999,999,999, PostgreSQL's timestamps
     * stop at 294,276, and no audit event lies outside years 1 to 9999 anyway.
     */
    static boolean storable(OffsetDateTime time) {
        if (time.getYear() < 1 || time.getYear() > 9999) {
            return false; // checked before the conversion, which itself fails at Java's own limits
        }
        int year = time.withOffsetSameInstant(java.time.ZoneOffset.UTC).getYear();
        return year >= 1 && year <= 9999;
    }
}
