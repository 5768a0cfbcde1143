package io.dossier.audit;

import java.time.OffsetDateTime;

/** Which events: every field given must match (null: any). {@code from} is inclusive, {@code to} exclusive. */
public record AuditFilter(String actor, AuditAction action, String targetType, String targetId, String collection,
        OffsetDateTime from, OffsetDateTime to) {

    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null);
}
