package io.dossier.entities.twins;

import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Two entities an editor said are not the same actor. */
@Entity
@Table(name = "twin_dismissal")
public class TwinDismissal {

    @EmbeddedId
    public Pair pair;
    public String dismissedBy;
    public OffsetDateTime dismissedAt;

    /** The two entities, the smaller id first (as PostgreSQL orders uuids), so a pair has one key. */
    @Embeddable
    public record Pair(UUID firstId, UUID secondId) implements Serializable {

        public static Pair of(UUID a, UUID b) {
            return compare(a, b) < 0 ? new Pair(a, b) : new Pair(b, a);
        }

        /** PostgreSQL's order of uuids: by their bytes, unsigned (not {@link UUID#compareTo}, which is signed). */
        static int compare(UUID a, UUID b) {
            int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
            return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
        }
    }
}
