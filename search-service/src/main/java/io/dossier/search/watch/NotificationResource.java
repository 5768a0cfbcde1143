package io.dossier.search.watch;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.dossier.common.problem.Problem;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/notifications")
@Tag(name = "Watches")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("reader")
public class NotificationResource {

    private final NotificationService notifications;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public NotificationResource(NotificationService notifications, SecurityIdentity identity, JsonWebToken token) {
        this.notifications = notifications;
        this.identity = identity;
        this.token = token;
    }

    @GET
    @Operation(operationId = "listNotifications", summary = "The caller's notifications: documents that newly matched a watch", description = "Unread first, newest first; only documents the caller may read now. Page with `next`.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = WatchDtos.NotificationPage.class)))
    @APIResponse(responseCode = "400", description = "A cursor this API did not give", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchDtos.NotificationPage list(
            @Parameter(description = "The `next` of the previous page") @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return notifications.page(Caller.of(identity, token), cursor, size);
    }

    @GET
    @Path("/unread")
    @Operation(operationId = "countUnreadNotifications", summary = "How many unread notifications the caller has", description = "Of documents the caller may read now.")
    @APIResponse(responseCode = "200", description = "The count", content = @Content(schema = @Schema(implementation = WatchDtos.Unread.class)))
    public WatchDtos.Unread unread() {
        return new WatchDtos.Unread(notifications.unread(Caller.of(identity, token)));
    }

    @POST
    @Path("/read")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "markNotificationsRead", summary = "Mark notifications as read", description = "`ids` (up to 500), or `upTo`: every one created up to that time.")
    @APIResponse(responseCode = "200", description = "How many were marked, and how many stay unread", content = @Content(schema = @Schema(implementation = WatchDtos.ReadResult.class)))
    @APIResponse(responseCode = "400", description = "Neither or both of ids and upTo", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchDtos.ReadResult read(WatchDtos.ReadRequest request) {
        return notifications.read(request, Caller.of(identity, token));
    }
}
