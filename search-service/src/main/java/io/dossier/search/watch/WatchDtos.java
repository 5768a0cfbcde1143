package io.dossier.search.watch;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.dossier.search.query.SavedSearch;

/** The watches and notifications API's bodies. */
final class WatchDtos {

    private WatchDtos() {
    }

    @Schema(description = "A saved search (name, query, filters) or an entity to watch (name, entityId): one of the two")
    record WatchRequest(
            @Schema(description = "What the watch is called in lists and e-mails", example = "KH in the south") String name,
            @Schema(description = "The query, as the search API takes it (syntax=strict)", example = "Kataib Hezbollah drone") String query,
            @Schema(description = "The search API's filters") SavedSearch.Filters filters,
            @Schema(description = "A registry entity: every document linked to it, under any of its names", example = "6f1c2b8e-2d1a-4f7e-9a51-3b0c5d2e7f10") String entityId,
            @Schema(description = "Beyond the app: e-mail to the caller's address at once, or an hourly or daily digest", enumeration = {
                    "app", "immediate", "hourly", "daily"}, defaultValue = "app") String delivery){
    }

    @Schema(description = "Fields to change; absent fields stay as they are. An entity watch changes only its name")
    record WatchPatch(String name, String query, SavedSearch.Filters filters,
            @Schema(enumeration = {
                    "app", "immediate", "hourly", "daily"}) String delivery){
    }

    record WatchView(String id, String name,
            @Schema(enumeration = {
                    "search", "entity"}) String kind,
            String query, SavedSearch.Filters filters,
            String entityId,
            @Schema(description = "The registry names found in the query when it was saved: their documents match too") List<SavedSearch.Alias> expansions,
            String owner,
            @Schema(enumeration = {"app", "immediate", "hourly", "daily"}) String delivery,
            OffsetDateTime createdAt, OffsetDateTime updatedAt,
            @Schema(description = "When a document last matched") OffsetDateTime lastMatchedAt,
            @Schema(description = "The latest matches the caller may read (on GET of one watch)") List<NotificationView> lastMatches){
    }

    record NotificationView(long id, String watchId, String watchName, String documentId, String title,
            String collection,
            @Schema(description = "Why the document matched, in words") String reason,
            @Schema(description = "When the source was accepted") OffsetDateTime sourceCreatedAt,
            OffsetDateTime createdAt, OffsetDateTime readAt) {
    }

    record NotificationPage(List<NotificationView> items,
            @Schema(description = "Unread notifications of documents the caller may read") long unread,
            @Schema(description = "The cursor of the next page; null on the last") String next) {
    }

    @Schema(description = "Mark as read: these ids, or everything up to a time")
    record ReadRequest(List<Long> ids, OffsetDateTime upTo) {
    }

    record ReadResult(int marked, long unread) {
    }

    record Unread(long unread) {
    }
}
