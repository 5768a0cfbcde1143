package io.dossier.entities.feed;

import java.util.List;

/** A page of the feed; pass {@code next} as {@code after} to read on. {@code head} is the newest sequence number. */
public record EntityChangePage(List<EntityChangeDto> changes, long next, long head) {
}
