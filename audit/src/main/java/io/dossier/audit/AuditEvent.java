package io.dossier.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One entry of the audit trail. */
@Schema(description = "Who did what to which thing, when, through which service")
public record AuditEvent(UUID id, OffsetDateTime occurredAt,
        @Schema(description = "The service that recorded it", example = "sources-service") String service,
        @Schema(description = "The user (or, for background work, the service account) that acted", example = "analyst") String actor,
        AuditAction action,
        @Schema(description = "What kind of thing was acted on", example = "source") String targetType,
        @Schema(description = "Its id (a source's or an entity's), or what identifies it (a user name, a search)") String targetId,
        @Schema(description = "The collection of the document concerned, where there is one") String collection,
        @Schema(description = "In words: the title, the fields changed, the roles given") String summary,
        @Schema(description = "The trace of the request that did it, to find its log lines") String traceId) {
}
