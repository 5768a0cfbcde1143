package io.dossier.search.indexing;

import java.util.List;

import io.dossier.common.text.TextFolding;

/**
 * A document as an index of a mapping before 400 holds it: the title and text with their folded copies (searched
 * there) instead of the analysed forms and stems. Written only while such an index is still live, during the rebuild
 * that replaces it; goes with the upgrade's last step.
 */
record LegacyDocument(String id, String collection, String title, String titleFolded, List<String> authors,
        String text, String textFolded, String url, String publisher, String publishedAt, String language,
        List<String> tags, String createdAt, List<String> entityIds, List<String> entityTypes,
        List<String> entityFacets, List<IndexedDocument.LinkedMention> mentions, long linkedThrough) {

    static LegacyDocument of(IndexedDocument d) {
        return new LegacyDocument(d.id(), d.collection(), d.title(), d.title() == null
                ? null
                : TextFolding.fold(d.title()), d.authors(), d.text(),
                d.text() == null
                        ? null
                        : TextFolding.fold(d.text()),
                d.url(), d.publisher(), d.publishedAt(), d.language(),
                d.tags(), d.createdAt(), d.entityIds(), d.entityTypes(), d.entityFacets(), d.mentions(),
                d.linkedThrough());
    }
}
