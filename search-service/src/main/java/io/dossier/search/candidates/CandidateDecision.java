package io.dossier.search.candidates;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An editor's decision on a candidate name: rejected (never proposed again) or accepted into the registry. */
@Entity
@Table(name = "candidate_decision")
public class CandidateDecision {

    public enum Kind {
        REJECTED, ACCEPTED
    }

    /** "TYPE|name", as the documents index holds the candidate. */
    @Id
    @Column(name = "candidate_key")
    public String key;
    @Enumerated(EnumType.STRING)
    public Kind decision;
    public UUID entityId;
    public String decidedBy;
    public OffsetDateTime decidedAt;
}
