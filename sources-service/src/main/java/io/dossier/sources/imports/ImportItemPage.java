package io.dossier.sources.imports;

import java.util.List;
import java.util.UUID;

/** Items of an import in position order; pass {@code next} as {@code after} for the following page. */
public record ImportItemPage(List<Item> items, Integer next) {

    public record Item(int position, String name, ItemOutcome outcome, UUID sourceId, String collection,
            String reason) {

        static Item of(ImportItem i) {
            return new Item(i.position, i.name, i.outcome, i.sourceId, i.collection, i.reason);
        }
    }
}
