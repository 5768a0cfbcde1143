package io.dossier.entities.imports;

/** What an import did: entries read, entities created, updated and left as they were, ties made. */
public record ImportSummary(String format, int read, int created, int updated, int unchanged, int skipped,
        int relationsCreated) {
}
