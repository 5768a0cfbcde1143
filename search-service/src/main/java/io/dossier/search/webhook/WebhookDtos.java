package io.dossier.search.webhook;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The webhooks API's bodies. The secret goes in, never out. */
final class WebhookDtos {

    private WebhookDtos() {
    }

    @Schema(description = "A URL to receive the caller's notifications, and the secret that signs each delivery")
    record WebhookRequest(
            @Schema(description = "An http or https URL; not the platform's own services, nor a metadata or (unless the installation allows it) private address", example = "https://hooks.example.org/dossier") String url,
            @Schema(description = "At least 16 characters: the key of the HMAC-SHA256 signature in X-Dossier-Signature-256", example = "8f3e1c0b7d9a4e2f6b5c1d0e") String secret,
            @Schema(description = "Only this watch's notifications; absent: every watch of the caller's") String watchId) {
    }

    @Schema(description = "Fields to change; absent fields stay as they are")
    record WebhookPatch(String url, String secret,
            @Schema(description = "Only this watch's notifications; an empty string: every watch") String watchId,
            @Schema(description = "true enables a disabled webhook again (its failures are forgotten; what was still queued when it was disabled is delivered, then what comes from then on); false disables it (nothing more is queued meanwhile)") Boolean enabled) {
    }

    record WebhookView(String id, String url,
            @Schema(description = "The one watch it delivers; null: every watch of its owner") String watchId,
            String owner, boolean enabled,
            @Schema(description = "Why it was disabled: by its owner, or after repeated failed deliveries") String disabledReason,
            OffsetDateTime disabledAt,
            @Schema(description = "Failed deliveries in a row") int failures,
            @Schema(description = "When the next attempt is due, after a failure") OffsetDateTime nextAttemptAt,
            @Schema(description = "Notifications waiting to be delivered") long pending,
            OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record DeliveryView(String id, OffsetDateTime attemptedAt,
            @Schema(enumeration = {
                    "delivered", "failed"}) String outcome,
            @Schema(description = "The receiver's answer; null if none came") Integer httpStatus,
            @Schema(description = "What went wrong, in words") String error,
            int durationMs,
            @Schema(description = "Notifications in the delivery") int notifications,
            @Schema(description = "1 for a first try; n for the n-th in a row after failures") int attempt){
    }

    record DeliveryPage(List<DeliveryView> items,
            @Schema(description = "The cursor of the next (older) page; null on the last") String next) {
    }
}
