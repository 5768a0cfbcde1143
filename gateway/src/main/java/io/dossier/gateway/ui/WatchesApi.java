package io.dossier.gateway.ui;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.token.propagation.common.AccessToken;

/** The search service's watches and notifications, called with the signed-in user's own access token. */
@RegisterRestClient(configKey = "search")
@AccessToken
@Path("/api/v1")
public interface WatchesApi {

    @GET
    @Path("watches")
    List<Watch> watches();

    @GET
    @Path("watches/{id}")
    Watch watch(@PathParam("id") String id);

    @POST
    @Path("watches")
    @Consumes(MediaType.APPLICATION_JSON)
    Watch create(NewWatch watch);

    @DELETE
    @Path("watches/{id}")
    void delete(@PathParam("id") String id);

    @GET
    @Path("notifications")
    Page notifications(@QueryParam("cursor") String cursor, @QueryParam("size") int size);

    @GET
    @Path("notifications/unread")
    Unread unread();

    @POST
    @Path("notifications/read")
    @Consumes(MediaType.APPLICATION_JSON)
    Unread read(Read read);

    @GET
    @Path("webhooks")
    List<Webhook> webhooks();

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_JSON)
    Webhook createWebhook(NewWebhook webhook);

    @jakarta.ws.rs.PATCH
    @Path("webhooks/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Webhook changeWebhook(@PathParam("id") String id, WebhookChange change);

    @DELETE
    @Path("webhooks/{id}")
    void deleteWebhook(@PathParam("id") String id);

    record NewWebhook(String url, String secret, String watchId) {
    }

    record WebhookChange(Boolean enabled) {
    }

    record Webhook(String id, String url, String watchId, boolean enabled, String disabledReason, int failures,
            String nextAttemptAt, long pending) {
    }

    /** A saved search ({@code query}, {@code filters}) or an entity ({@code entityId}). */
    record NewWatch(String name, String query, Map<String, Object> filters, String entityId, String delivery) {
    }

    record Watch(String id, String name, String kind, String query, Map<String, Object> filters, String entityId,
            List<Alias> expansions, String delivery, String createdAt, String lastMatchedAt,
            List<Notification> lastMatches) {
    }

    record Alias(String surface, String entityId, String primaryName) {
    }

    record Notification(long id, String watchId, String watchName, String documentId, String title,
            String collection, String reason, String createdAt, String readAt) {
    }

    record Page(List<Notification> items, long unread, String next) {
    }

    record Unread(long unread) {
    }

    record Read(List<Long> ids, String upTo) {
    }
}
