package io.dossier.sources.feed;

import java.util.List;

/** A page of the feed; ask again with {@code after=next}. */
public record ChangePage(List<ChangeDto> changes, long next) {
}
