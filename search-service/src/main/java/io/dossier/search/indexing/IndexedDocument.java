package io.dossier.search.indexing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.dossier.common.text.TextFolding;

/**
 * A source as stored in the documents index; dates are ISO-8601 strings. {@code titleFolded} and {@code textFolded}
 * hold the title and text as {@link io.dossier.common.text.TextFolding} folds them (the index's analyzer knows
 * nothing of Arabic letter forms or apostrophes); {@code entityIds}, {@code entityTypes} and {@code entityFacets}
 * ("id|type|primary name", for facets with names) come from the links; {@code mentions} are the links themselves
 * (stored, not indexed); {@code linkedThrough} is the registry change feed sequence the links reflect, so that a
 * registry change re-links only the documents linked before it.
 */
public record IndexedDocument(String id, String collection, String title, String titleFolded, List<String> authors,
        String text, String textFolded, String url, String publisher, String publishedAt, String language,
        List<String> tags, String createdAt, List<String> entityIds, List<String> entityTypes,
        List<String> entityFacets, List<LinkedMention> mentions, long linkedThrough) {

    /** One linked mention: in the field {@code title} or {@code text}, with offsets into it. */
    public record LinkedMention(String entityId, String field, int start, int end) {
    }

    /** An entity as the facet field {@code entityFacets} holds it: "id|type|primary name", one string per entity. */
    public record EntityFacet(String id, String type, String name) {

        String encoded() {
            return id + "|" + (type == null ? "" : type) + "|" + (name == null ? "" : name);
        }

        public static EntityFacet parse(String encoded) {
            String[] parts = encoded.split("\\|", 3);
            return new EntityFacet(parts[0], parts.length > 1 && !parts[1].isEmpty() ? parts[1] : null,
                    parts.length > 2 && !parts[2].isEmpty() ? parts[2] : null);
        }
    }

    /** What is sent for linking: the title, a blank line, the text; the mentions' offsets are into this. */
    public static String linkedText(String title, String text) {
        return (title == null ? "" : title) + "\n\n" + (text == null ? "" : text);
    }

    /** The same document linked again: its fields, with {@code mentions} found in {@link #linkedText} now. */
    public IndexedDocument relinked(List<EntitiesApi.Mention> mentions, long registrySeq) {
        return of(id, collection, title, authors, text, url, publisher, publishedAt, language, tags, createdAt,
                mentions, registrySeq);
    }

    /** A document from its fields and the mentions the entities service found in {@link #linkedText}. */
    public static IndexedDocument of(String id, String collection, String title, List<String> authors, String text,
            String url, String publisher, String publishedAt, String language, List<String> tags, String createdAt,
            List<EntitiesApi.Mention> mentions, long linkedThrough) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> facets = new LinkedHashSet<>();
        List<LinkedMention> linked = new ArrayList<>(mentions.size());
        for (EntitiesApi.Mention m : mentions) {
            ids.add(m.entityId());
            if (m.type() != null) {
                types.add(m.type());
            }
            facets.add(new EntityFacet(m.entityId(), m.type(), m.primaryName() == null ? m.name() : m.primaryName())
                    .encoded());
            int textStart = (title == null ? 0 : title.length()) + 2;
            if (m.start() >= textStart) {
                linked.add(new LinkedMention(m.entityId(), "text", m.start() - textStart, m.end() - textStart));
            } else if (m.end() <= textStart - 2) {
                linked.add(new LinkedMention(m.entityId(), "title", m.start(), m.end()));
            }
        }
        return new IndexedDocument(id, collection, title, title == null ? null : TextFolding.fold(title),
                authors == null ? List.of() : authors, text, text == null ? null : TextFolding.fold(text), url,
                publisher, publishedAt, language, tags == null ? List.of() : tags, createdAt, List.copyOf(ids),
                List.copyOf(types), List.copyOf(facets), linked, linkedThrough);
    }
}
