package io.dossier.sources.feed;

import java.util.List;

/**
 * A page of the feed; ask again with {@code after=next}. {@code head} is the newest sequence number when the page was
 * read, so {@code head - next} is how far behind the reader is.
 */
public record ChangePage(List<ChangeDto> changes, long next, long head) {
}
