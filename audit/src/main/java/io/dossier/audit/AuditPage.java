package io.dossier.audit;

import java.util.List;

/** A page of events, newest first; {@code next} is the cursor of the following page, absent on the last. */
public record AuditPage(List<AuditEvent> events, String next) {
}
