package io.dossier.search.candidates;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What was decided on a candidate, by whom and when; for an accepted one, the entity that now holds the name. */
public record DecisionResult(String key, @Schema(description = "ACCEPTED or REJECTED") String decision,
        String entityId, String decidedBy, OffsetDateTime decidedAt) {

    static DecisionResult of(CandidateDecision d) {
        return new DecisionResult(d.key, d.decision.name(), d.entityId == null ? null : d.entityId.toString(),
                d.decidedBy, d.decidedAt);
    }
}
