package io.dossier.sources.imports;

import java.util.List;
import java.util.UUID;

import io.dossier.sources.source.SourceStatus;

/** Items of an import in position order; pass {@code next} as {@code after} for the following page. */
public record ImportItemPage(List<Item> items, Integer next) {

    /**
     * An item: what became of it, and for an item that made a source, where the source stands now
     * ({@code sourceStatus}; for one read by OCR, {@code pagesDone} of {@code pages}).
     */
    public record Item(int position, String name, ItemOutcome outcome, UUID sourceId, String collection,
            String reason, SourceStatus sourceStatus, Integer pages, Integer pagesDone) {

        static Item of(ImportItem i, Object[] source) {
            return new Item(i.position, i.name, i.outcome, i.sourceId, i.collection, i.reason,
                    source == null ? null : (SourceStatus) source[1], source == null ? null : (Integer) source[2],
                    source == null ? null : (Integer) source[3]);
        }
    }
}
