package io.dossier.search.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where indexing stands: the indexes behind the alias, the feeds' positions, a rebuild's progress. */
public record IndexingStatus(
        @Schema(description = "The alias searches use") String alias,
        @Schema(description = "The concrete index the alias points at") String live,
        @Schema(description = "The index being built to replace it, during a rebuild") String building,
        @Schema(description = "idle, or building") String state,
        @Schema(description = "Whether this instance may follow the feeds") boolean indexing,
        @Schema(description = "This instance") String instance,
        @Schema(description = "active: this instance holds the indexer lease and writes; standby: another one does") String role,
        @Schema(description = "The last indexing error, while it persists") String lastError,
        @Schema(description = "Sources feed: the latest sequence seen") long sourcesHead,
        @Schema(description = "Sources feed: indexed into the live index up to") long liveSeq,
        @Schema(description = "Sources feed: indexed into the index being built up to") long buildingSeq,
        @Schema(description = "Registry feed: followed up to") long registrySeq,
        @Schema(description = "Documents waiting to be linked again after registry changes") int relinkPending,
        @Schema(description = "Documents linked again since this instance started") long relinked) {
}
