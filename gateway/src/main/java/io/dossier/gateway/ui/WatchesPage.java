package io.dossier.gateway.ui;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.dossier.common.problem.ProblemException;
import io.dossier.gateway.security.Csrf;
import io.quarkus.logging.Log;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Watches and notifications in the web UI: the list of one's watches with when each last matched, the notifications
 * (unread first), the unread count in every page's header, and the forms that watch a search or an entity.
 */
@Path("/")
@RolesAllowed("reader")
@Tag(name = "Web UI")
public class WatchesPage {

    /** The search's filters a watch keeps, as the search page's address names them. */
    static final List<String> LISTS = List.of("entity", "type", "publisher", "language", "collection", "tag");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance watches(String user, List<WatchView> watches, List<WebhookView> webhooks,
                String csrf, String message, boolean failed, String webhookUrl);

        static native TemplateInstance notifications(String user, List<NotificationView> items, long unread,
                String csrf, String nextUrl, String message);

        static native TemplateInstance badge(long unread);

        static native TemplateInstance create(String user, SearchState search, String entityId, String name,
                String csrf);
    }

    /** How a watch's matches reach its owner, in words. */
    static final Map<String, String> DELIVERY = Map.of("app", "in Dossier only", "immediate", "by e-mail at once",
            "hourly", "by e-mail, an hourly digest", "daily", "by e-mail, a daily digest");

    /** What a redirect back to the watches page says, by code: fixed words, never text from the address. */
    static final Map<String, String> NOTICES = Map.of("watched", "Watching. New documents that match will appear "
            + "under Notifications.", "deleted", "Watch deleted.", "read", "All notifications marked as read.",
            "webhook-added", "Webhook added. New notifications will be sent to it, signed with your secret.",
            "webhook-deleted", "Webhook deleted.", "webhook-enabled", "Webhook enabled again.");

    /** A watch as the page shows it: its search as a link, when it last matched in words. */
    public record WatchView(String id, String name, boolean entity, String entityId, String query, String searchUrl,
            String delivery, String lastMatchedAt, String lastMatched) {

        static WatchView of(WatchesApi.Watch w) {
            return new WatchView(w.id(), w.name(), "entity".equals(w.kind()), w.entityId(), w.query(),
                    w.query() == null ? null : searchUrl(w.query(), w.filters()),
                    DELIVERY.getOrDefault(w.delivery(), "in Dossier only"), w.lastMatchedAt(),
                    minute(w.lastMatchedAt()));
        }

        /** The search page running the watch's search: its query and every filter it keeps. */
        static String searchUrl(String query, Map<String, Object> filters) {
            StringBuilder url = new StringBuilder("/search?q=").append(encode(query.equals("*") ? "" : query));
            if (filters != null) {
                for (String name : SearchState.FILTERS) {
                    Object value = filters.get(name);
                    if (value instanceof List<?> values) {
                        values.forEach(v -> url.append('&').append(name).append('=').append(encode(String.valueOf(v))));
                    } else if (value != null) {
                        url.append('&').append(name).append('=').append(encode(String.valueOf(value)));
                    }
                }
                if (Boolean.TRUE.equals(filters.get("exact"))) {
                    url.append("&exact=true");
                }
            }
            return url.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    /** A webhook as the page shows it: what it receives, and its state in words. */
    public record WebhookView(String id, String url, String scope, boolean enabled, String state, long pending) {

        static WebhookView of(WatchesApi.Webhook h, Map<String, String> watchNames) {
            String scope = h.watchId() == null
                    ? "every watch"
                    : "the watch “" + watchNames.getOrDefault(h.watchId(), "deleted") + "”";
            String state;
            if (!h.enabled()) {
                state = h.disabledReason() == null ? "Disabled" : h.disabledReason();
            } else if (h.failures() > 0) {
                state = "Failing: " + h.failures()
                        + (h.failures() == 1 ? " failed delivery" : " failed deliveries in a row")
                        + (h.nextAttemptAt() == null ? "" : "; next try " + minute(h.nextAttemptAt()));
            } else {
                state = "Active";
            }
            return new WebhookView(h.id(), h.url(), scope, h.enabled(), state, h.pending());
        }
    }

    public record NotificationView(String documentId, String title, String watchName, String reason, boolean read,
            String createdAt, String created) {

        static NotificationView of(WatchesApi.Notification n) {
            return new NotificationView(n.documentId(), n.title(), n.watchName(), n.reason(), n.readAt() != null,
                    n.createdAt(), minute(n.createdAt()));
        }
    }

    /** A time as "2025-03-14 09:05" (UTC), or null. */
    static String minute(String time) {
        return time == null || time.length() < 16 ? time : time.substring(0, 16).replace('T', ' ') + " UTC";
    }

    private final WatchesApi api;
    private final SecurityIdentity identity;
    private final Csrf csrf;

    public WatchesPage(@RestClient WatchesApi api, SecurityIdentity identity, Csrf csrf) {
        this.api = api;
        this.identity = identity;
        this.csrf = csrf;
    }

    @GET
    @Path("watches")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The user's watches (HTML)")
    @APIResponse(responseCode = "200", description = "The page")
    public TemplateInstance watches(@QueryParam("notice") String notice) {
        return page(notice == null ? null : NOTICES.get(notice), false);
    }

    private TemplateInstance page(String message, boolean failed) {
        return page(message, failed, null);
    }

    /** The page; {@code webhookUrl}: the address of a webhook not added, shown again in its form. */
    private TemplateInstance page(String message, boolean failed, String webhookUrl) {
        List<WatchesApi.Watch> watches;
        try {
            watches = api.watches();
        } catch (WebApplicationException e) {
            throw unavailable(e);
        }
        List<WatchesApi.Webhook> webhooks;
        try {
            webhooks = api.webhooks();
        } catch (WebApplicationException e) {
            throw unavailable(e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        watches.forEach(w -> names.put(w.id(), w.name()));
        return Templates.watches(identity.getPrincipal().getName(), watches.stream().map(WatchView::of).toList(),
                webhooks.stream().map(h -> WebhookView.of(h, names)).toList(), csrf.token(identity), message,
                failed, webhookUrl);
    }

    @GET
    @Path("watches/new")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The form that watches a search (its query and filters in the address) or an entity (entityId)")
    @APIResponse(responseCode = "200", description = "The form")
    public TemplateInstance create(@Context UriInfo uri) {
        MultivaluedMap<String, String> params = uri.getQueryParameters();
        String entityId = params.getFirst("entityId");
        if (entityId != null && !entityId.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No entity " + entityId);
        }
        SearchState search = SearchState.of(params);
        String name = params.getFirst("name");
        if (blank(name)) {
            name = entityId != null ? "" : search.q().isBlank() ? "Filtered search" : search.q();
        }
        return Templates.create(identity.getPrincipal().getName(), search, entityId,
                name.length() > 200 ? name.substring(0, 200) : name, csrf.token(identity));
    }

    @POST
    @Path("watches")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Watch a search or an entity (form of the search and entity pages)")
    @APIResponse(responseCode = "303", description = "To the watches page")
    @APIResponse(responseCode = "200", description = "The watches page saying why the watch was not saved")
    @APIResponse(responseCode = "403", description = "No valid form token")
    public Object watch(MultivaluedMap<String, String> form) {
        csrf.check(identity, form.getFirst("csrf"));
        String entityId = form.getFirst("entityId");
        String q = form.getFirst("q");
        String name = form.getFirst("name");
        String delivery = DELIVERY.containsKey(form.getFirst("delivery")) ? form.getFirst("delivery") : "app";
        WatchesApi.NewWatch watch;
        if (entityId != null && !entityId.isBlank()) {
            watch = new WatchesApi.NewWatch(blank(name) ? "Entity" : name, null, null, entityId.strip(), delivery);
        } else {
            Map<String, Object> filters = new LinkedHashMap<>();
            for (String list : LISTS) {
                List<String> values = form.get(list);
                if (values != null && !values.isEmpty()) {
                    filters.put(list, values);
                }
            }
            for (String date : List.of("publishedFrom", "publishedTo")) {
                if (!blank(form.getFirst(date))) {
                    filters.put(date, form.getFirst(date));
                }
            }
            filters.put("exact", "true".equals(form.getFirst("exact")));
            String query = blank(q) ? "*" : q;
            watch = new WatchesApi.NewWatch(blank(name) ? query : name, query, filters, null, delivery);
        }
        try {
            api.create(watch);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 409) {
                String detail = SearchPage.detail(e);
                return page("Not watched: " + (detail == null ? "this search cannot be watched." : detail), true);
            }
            throw unavailable(e);
        }
        return Response.seeOther(URI.create("/watches?notice=watched")).build();
    }

    @POST
    @Path("watches/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Delete a watch (form of the watches page)")
    @APIResponse(responseCode = "303", description = "To the watches page")
    @APIResponse(responseCode = "403", description = "No valid form token")
    public Response delete(@PathParam("id") String id, @jakarta.ws.rs.FormParam("csrf") String token) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No watch " + id);
        }
        try {
            api.delete(id);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 400) {
                throw new ProblemException(404, "No watch " + id + " of yours");
            }
            throw unavailable(e);
        }
        return Response.seeOther(URI.create("/watches?notice=deleted")).build();
    }

    @POST
    @Path("webhooks")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Add a webhook (form of the watches page)")
    @APIResponse(responseCode = "303", description = "To the watches page")
    @APIResponse(responseCode = "200", description = "The watches page saying why the webhook was not added")
    @APIResponse(responseCode = "403", description = "No valid form token")
    public Object addWebhook(MultivaluedMap<String, String> form) {
        csrf.check(identity, form.getFirst("csrf"));
        String watchId = form.getFirst("watchId");
        try {
            api.createWebhook(new WatchesApi.NewWebhook(form.getFirst("url"), form.getFirst("secret"),
                    blank(watchId) ? null : watchId));
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 400 || status == 409) {
                String detail = SearchPage.detail(e);
                if (detail != null) {
                    // the API's field names, in the form's words
                    detail = detail.replaceFirst("^Invalid url: ", "the address: ")
                            .replaceFirst("^Invalid secret: ", "the secret: ")
                            .replaceFirst("^Invalid watchId: ", "the watch: ");
                }
                String url = form.getFirst("url");
                return page("Webhook not added: " + (detail == null ? "check its address and secret." : detail),
                        true, url == null || url.length() > 2000 ? null : url);
            }
            throw unavailable(e);
        }
        return Response.seeOther(URI.create("/watches?notice=webhook-added#webhooks")).build();
    }

    @POST
    @Path("webhooks/{id}/{action:delete|enable}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Delete a webhook, or enable one that was disabled (forms of the watches page)")
    @APIResponse(responseCode = "303", description = "To the watches page")
    @APIResponse(responseCode = "403", description = "No valid form token")
    public Response changeWebhook(@PathParam("id") String id, @PathParam("action") String action,
            @jakarta.ws.rs.FormParam("csrf") String token) {
        csrf.check(identity, token);
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            throw new ProblemException(404, "No webhook " + id);
        }
        try {
            if (action.equals("delete")) {
                api.deleteWebhook(id);
            } else {
                api.changeWebhook(id, new WatchesApi.WebhookChange(true));
            }
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404 || status == 400) {
                throw new ProblemException(404, "No webhook " + id + " of yours");
            }
            throw unavailable(e);
        }
        return Response.seeOther(URI.create("/watches?notice=webhook-" + (action.equals("delete")
                ? "deleted"
                : "enabled") + "#webhooks")).build();
    }

    @GET
    @Path("notifications")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The user's notifications (HTML): documents that newly matched a watch, unread first")
    @APIResponse(responseCode = "200", description = "The page")
    public Object notifications(@QueryParam("cursor") String cursor, @QueryParam("notice") String notice) {
        WatchesApi.Page page;
        try {
            page = api.notifications(cursor == null || cursor.length() > 200 ? null : cursor, 50);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400 || cursor == null) {
                throw unavailable(e);
            }
            // a cursor this site did not write: the first page
            return Response.seeOther(URI.create("/notifications")).build();
        }
        String next = page.next() == null
                ? null
                : "/notifications?cursor=" + URLEncoder.encode(page.next(), StandardCharsets.UTF_8);
        return Templates.notifications(identity.getPrincipal().getName(),
                page.items().stream().map(NotificationView::of).toList(), page.unread(), csrf.token(identity), next,
                notice == null ? null : NOTICES.get(notice));
    }

    @POST
    @Path("notifications/read")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Mark every notification read (form of the notifications page)")
    @APIResponse(responseCode = "303", description = "To the notifications page")
    @APIResponse(responseCode = "403", description = "No valid form token")
    public Response read(@jakarta.ws.rs.FormParam("csrf") String token) {
        csrf.check(identity, token);
        try {
            api.read(new WatchesApi.Read(null, Instant.now().toString()));
        } catch (WebApplicationException e) {
            throw unavailable(e);
        }
        return Response.seeOther(URI.create("/notifications?notice=read")).build();
    }

    @GET
    @Path("notifications/badge")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The unread count in the header (an HTML fragment)")
    @APIResponse(responseCode = "200", description = "The count, empty when none or unknown")
    public TemplateInstance badge() {
        try {
            return Templates.badge(api.unread().unread());
        } catch (RuntimeException e) {
            Log.debugf("no unread count: %s", e.getMessage());
            return Templates.badge(0); // a header never fails a page
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static ProblemException unavailable(WebApplicationException e) {
        if (e.getResponse().getStatus() == 403) {
            return new ProblemException(403, "Your roles do not allow watches");
        }
        return new ProblemException(503, "Watches are unavailable right now; try again shortly.");
    }
}
