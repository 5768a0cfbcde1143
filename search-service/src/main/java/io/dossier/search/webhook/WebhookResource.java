package io.dossier.search.webhook;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.idempotency.Idempotent;
import io.dossier.common.problem.Problem;
import io.dossier.search.watch.Caller;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Notifications delivered to an integrator's URL: a POST of JSON, signed with "
        + "HMAC-SHA256 of the body under the webhook's secret (header X-Dossier-Signature-256: sha256=<hex>), "
        + "retried with backoff, disabled after repeated failures")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reader")
public class WebhookResource {

    private final WebhookService webhooks;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public WebhookResource(WebhookService webhooks, SecurityIdentity identity, JsonWebToken token) {
        this.webhooks = webhooks;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Deliver the caller's notifications to a URL", description = "Every notification of the caller's watches (or of `watchId` alone) from now on is POSTed to `url` as JSON "
            + "(`{\"deliveryId\", \"webhookId\", \"event\": \"notifications\", \"sentAt\", \"notifications\": [...]}`), signed: "
            + "`X-Dossier-Signature-256: sha256=` and the hex HMAC-SHA256 of the body under `secret`. A receiver has 10 s to answer 2xx; "
            + "otherwise the delivery is retried with a doubling wait, and after repeated failures the webhook is disabled with the reason. "
            + "A notification may come twice after a failure: its `id` is stable. Only documents the caller may read at the moment of delivery are sent.")
    @APIResponse(responseCode = "201", description = "Saved", headers = @Header(name = "Location", description = "The new webhook", schema = @Schema(type = SchemaType.STRING, format = "uri")), content = @Content(schema = @Schema(implementation = WebhookDtos.WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Not an http(s) URL, a URL of the platform's own services or a metadata or private address, a short secret, a watch not the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The caller has the most webhooks one user may have", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @Idempotent
    @Parameter(name = Idempotent.HEADER, in = ParameterIn.HEADER, description = "Any unique value (a UUID is best): the same key with the same request answers the first result again (header Idempotent-Replayed: true) instead of creating a second; kept a day", schema = @Schema(type = SchemaType.STRING, maxLength = 255))
    @APIResponse(responseCode = "422", description = "This Idempotency-Key was used for a different request", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(WebhookDtos.WebhookRequest request) {
        WebhookDtos.WebhookView created = webhooks.create(request, Caller.of(identity, token));
        return Response.created(URI.create("/api/v1/webhooks/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The caller's webhooks", description = "Oldest first. `all=true` (administrators): everyone's, in pages.")
    @APIResponse(responseCode = "200", description = "Webhooks", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookDtos.WebhookView.class)))
    @APIResponse(responseCode = "403", description = "all=true without the admin role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<WebhookDtos.WebhookView> list(
            @Parameter(description = "Everyone's webhooks (administrators)") @QueryParam("all") @DefaultValue("false") boolean all,
            @Parameter(description = "With all=true: skip this many") @QueryParam("from") @DefaultValue("0") @Min(0) @Max(1_000_000) int from,
            @Parameter(description = "With all=true: page size") @QueryParam("size") @DefaultValue("100") @Min(1) @Max(200) int size) {
        return webhooks.list(Caller.of(identity, token), all, from, size);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One webhook", description = "Its owner's, or any with the admin role; the secret is never shown.")
    @APIResponse(responseCode = "200", description = "The webhook", content = @Content(schema = @Schema(implementation = WebhookDtos.WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookDtos.WebhookView get(@PathParam("id") UUID id) {
        return webhooks.get(id, Caller.of(identity, token));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhook", summary = "Change a webhook's URL, secret or watch; enable or disable it", description = "Only its owner. `enabled: true` after it was disabled forgets its failures and delivers again from then on.")
    @APIResponse(responseCode = "200", description = "The webhook as changed", content = @Content(schema = @Schema(implementation = WebhookDtos.WebhookView.class)))
    @APIResponse(responseCode = "400", description = "As for creation", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookDtos.WebhookView update(@PathParam("id") UUID id, WebhookDtos.WebhookPatch patch) {
        return webhooks.update(id, patch, Caller.of(identity, token));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a webhook", description = "Its owner, or an administrator; with what it had still to deliver and its log.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public void delete(@PathParam("id") UUID id) {
        webhooks.delete(id, Caller.of(identity, token));
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A webhook's deliveries, newest first", description = "Every attempt: when, the outcome, the receiver's HTTP status or what went wrong, how long it took, how many notifications. Page with `next`.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = WebhookDtos.DeliveryPage.class)))
    @APIResponse(responseCode = "400", description = "A cursor this API did not give", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such webhook of the caller's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WebhookDtos.DeliveryPage deliveries(@PathParam("id") UUID id,
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return webhooks.deliveries(id, Caller.of(identity, token), cursor, size);
    }
}
