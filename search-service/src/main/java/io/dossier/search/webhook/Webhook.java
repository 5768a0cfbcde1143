package io.dossier.search.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

/**
 * An integrator's URL that receives its owner's notifications, signed with its secret. Updated column by column: the
 * sender's bookkeeping (failures, next attempt) and an owner's edit never overwrite each other.
 */
@Entity
@Table(name = "webhook")
@DynamicUpdate
public class Webhook {

    @Id
    public UUID id;
    public String ownerId;
    public String ownerName;
    public String url;
    public String secret;
    /** Null: every watch of the owner. */
    public UUID watchId;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
    public int failures;
    public OffsetDateTime nextAttemptAt;
    public OffsetDateTime disabledAt;
    public String disabledReason;
}
