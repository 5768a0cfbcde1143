package io.dossier.search.webhook;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt to deliver to a webhook, as its log shows it. */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    public UUID id;
    public UUID webhookId;
    public OffsetDateTime attemptedAt;
    public int durationMs;
    public int notifications;
    /** {@code delivered} or {@code failed}. */
    public String outcome;
    public Integer httpStatus;
    public String error;
    public int attempt;
}
