package io.dossier.search.indexing;

import java.util.List;
import java.util.Map;

/**
 * Told of the documents written to the live index, new, edited or re-linked, before the feed's checkpoint moves past
 * them: a crash replays them to the listener, which must therefore be idempotent. A failure fails the batch, which
 * is retried like a failed write. Not told of a rebuild filling a new index (nothing new happened to those).
 */
public interface IndexedDocumentsListener {

    /** {@code documents} written (new or changed), {@code deleted} the ids of those taken out. */
    void indexed(List<IndexedDocument> documents, List<String> deleted);

    /**
     * Registry entities merged into others ({@code mergedInto}: merged entity id → survivor's id), told before the
     * documents linked to them are re-linked to the survivor. Replayed after a crash like the rest.
     */
    default void merged(Map<String, String> mergedInto) {
    }

    /**
     * Registry entities changed ({@code foldedNames}: entity id → its names folded; empty once deleted or merged),
     * told once the entities service links with them and before the documents they affect are re-linked.
     */
    default void registryChanged(Map<String, List<String>> foldedNames) {
    }
}
