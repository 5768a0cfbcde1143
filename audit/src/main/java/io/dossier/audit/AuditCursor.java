package io.dossier.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Comparator;
import java.util.UUID;

import io.dossier.common.problem.ProblemException;

/**
 * A position in the audit trail: the time and id of the last event of a page. Events are ordered newest first, by
 * time then id, the id compared as PostgreSQL compares uuids (bytes, unsigned), so the trails of several services
 * merge into one order and a cursor means the same in each.
 */
public record AuditCursor(OffsetDateTime occurredAt, UUID id) {

    /** Newest first, as every service's query orders its events. */
    public static final Comparator<AuditEvent> NEWEST_FIRST = Comparator
            .comparing((AuditEvent e) -> e.occurredAt().toInstant())
            .thenComparing(AuditEvent::id, AuditCursor::compareAsPostgres).reversed();

    public static AuditCursor after(AuditEvent event) {
        return new AuditCursor(event.occurredAt(), event.id());
    }

    /** Whether {@code event} comes after this position (is older, or as old with a lower id). */
    public boolean isBefore(AuditEvent event) {
        int byTime = event.occurredAt().toInstant().compareTo(occurredAt.toInstant());
        return byTime < 0 || byTime == 0 && compareAsPostgres(event.id(), id) < 0;
    }

    public String encode() {
        Instant at = occurredAt.toInstant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at);
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((micros + ":" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor a client sent back; null for none; 400 for anything that is not one of ours. */
    public static AuditCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8);
            int colon = plain.indexOf(':');
            long micros = Long.parseLong(plain.substring(0, colon));
            OffsetDateTime at = Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
            if (!AuditResource.storable(at)) {
                throw new IllegalArgumentException("out of range");
            }
            return new AuditCursor(at, UUID.fromString(plain.substring(colon + 1)));
        } catch (IllegalArgumentException | IndexOutOfBoundsException | java.time.DateTimeException e) {
            throw ProblemException.badRequest("cursor is not one this API gave out");
        }
    }

    /** PostgreSQL's order of uuids: their 16 bytes compared unsigned, most significant first. */
    static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
