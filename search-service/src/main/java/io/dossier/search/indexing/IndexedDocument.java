package io.dossier.search.indexing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dossier.common.text.TextAnalysis;

/**
 * A source as stored in the documents index; dates are ISO-8601 strings. The title and the text are analysed here,
 * in Java ({@link TextAnalysis}: the index's own analyzers know nothing of Arabic letter forms, clitics or stems), and
 * indexed as their words joined by spaces ({@link AnalysedWords}): {@code *Forms}, the words folded as written (exact
 * forms, prefixes, phrases as written), and {@code *Stems}, their stems in the document's language where a stem
 * differs from the form, at the same positions (with the forms, every form of a word); the title
 * and text themselves are only stored, for display and highlights. {@code entityIds}, {@code entityTypes} and
 * {@code entityFacets}
 * ("id|type|primary name", for facets with names) come from the links; {@code mentions} are the links themselves
 * (stored, not indexed); {@code linkedThrough} is the registry change feed sequence the links reflect, so that a
 * registry change re-links only the documents linked before it. {@code notes} are the analysts' notes on passages of
 * the text (stored, not indexed), each with the entities linked inside its passage; {@code noteEntityIds} gathers
 * those (a note is listed on their pages), {@code notesUpdatedAt} is when the newest of them was written or changed
 * (the order of those lists), and {@code notesForms} and {@code notesStems} are the notes' own words, analysed by
 * their script whatever the document's language (an English note on an Arabic document is stemmed as English), one
 * value per note (so a phrase never runs from one note into the next).
 */
public record IndexedDocument(String id, String collection, String title, String titleForms, String titleStems,
        List<String> authors, String text, String textForms, String textStems, String url, String publisher,
        String publishedAt, String language,
        List<String> tags, String createdAt, List<String> entityIds, List<String> entityTypes,
        List<String> entityFacets, List<LinkedMention> mentions, long linkedThrough, List<IndexedNote> notes,
        List<String> noteEntityIds, List<String> notesForms, List<String> notesStems, String notesUpdatedAt,
        List<String> candidates, List<String> candidateRepeats, List<PossibleMention> possibleMentions,
        Integer textLength) {

    /**
     * A name in the title or the text that is possibly a registered entity under a spelling the registry lacks:
     * shown apart from the links, counted nowhere, until an editor adds the spelling as a name.
     */
    public record PossibleMention(String entityId, String primaryName, String field, int start, int end,
            String surface, double score, String rule) {
    }

    /** Candidates kept per document at most (the most mentioned), and mentions counted per candidate. */
    static final int MAX_CANDIDATES = 200;
    public static final int MAX_REPEATS = 20;
    /** Between a candidate's key and the number of its mention in {@code candidateRepeats}. */
    public static final char REPEAT = '\u001f';

    /** An analyst's note on the passage [start, end) of the text, with the entities linked inside the passage. */
    public record IndexedNote(String id, int start, int end, String quote, String text, String author,
            String createdAt, String updatedBy, String updatedAt, List<String> entityIds) {

        /** A time as the feed writes it (ISO-8601 with an offset), or null when there is none or it is not one. */
        public static java.time.Instant instant(String time) {
            if (time == null) {
                return null;
            }
            try {
                return java.time.OffsetDateTime.parse(time).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return null;
            }
        }

        /** The same note, its entities those of {@code mentions} (in the text) that overlap its passage. */
        IndexedNote linkedWith(List<LinkedMention> mentions) {
            Set<String> ids = new LinkedHashSet<>();
            for (LinkedMention m : mentions) {
                if ("text".equals(m.field()) && m.start() < end && m.end() > start) {
                    ids.add(m.entityId());
                }
            }
            return new IndexedNote(id, start, end, quote, text, author, createdAt, updatedBy, updatedAt,
                    List.copyOf(ids));
        }
    }

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
        String combined = (title == null ? "" : title) + "\n\n" + (text == null ? "" : text);
        if (combined.length() <= MAX_LINKED_CHARS) {
            return combined;
        }
        // a text at the sources' limit with its title is over the entities service's: its tail goes unlinked rather
        // than the entities service refusing the batch, which would hold the feed up behind this document for good
        int end = Character.isHighSurrogate(combined.charAt(MAX_LINKED_CHARS - 1))
                ? MAX_LINKED_CHARS - 1
                : MAX_LINKED_CHARS;
        return combined.substring(0, end);
    }

    /** The most the entities service links in one text (its {@code MentionRequest} limit). */
    public static final int MAX_LINKED_CHARS = 5_000_000;

    /**
     * The same document linked again: its fields, with the mentions and the names found in {@link #linkedText} now.
     */
    public IndexedDocument relinked(DocumentLinker.Links links) {
        return of(id, collection, title, authors, text, url, publisher, publishedAt, language, tags, createdAt,
                links.mentions(), links.registrySeq()).withNotes(notes).withNames(links.names());
    }

    /**
     * The document with these notes (none: null or empty), each linked to the entities its passage mentions, their
     * words analysed in the document's language.
     */
    public IndexedDocument withNotes(List<IndexedNote> given) {
        List<IndexedNote> linked = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        List<String> forms = new ArrayList<>();
        List<String> stems = new ArrayList<>();
        java.time.Instant newest = null;
        for (IndexedNote n : given == null ? List.<IndexedNote>of() : given) {
            IndexedNote note = n.linkedWith(mentions);
            linked.add(note);
            ids.addAll(note.entityIds());
            AnalysedWords words = AnalysedWords.of(note.text(), null);
            forms.add(words.forms() == null ? "" : words.forms());
            stems.add(words.stems() == null ? "" : words.stems());
            java.time.Instant at = IndexedNote.instant(note.updatedAt());
            newest = at != null && (newest == null || at.isAfter(newest)) ? at : newest;
        }
        return new IndexedDocument(id, collection, title, titleForms, titleStems, authors, text, textForms, textStems,
                url, publisher, publishedAt, language, tags, createdAt, entityIds, entityTypes, entityFacets, mentions,
                linkedThrough, List.copyOf(linked), List.copyOf(ids), forms, stems,
                newest == null ? null : newest.toString(), candidates, candidateRepeats, possibleMentions, textLength);
    }

    /**
     * The document with the names the registry does not hold that its linking found ({@link DocumentLinker.Links}):
     * {@code candidates} holds each once ("TYPE|name"), for the candidates queue's counts of documents;
     * {@code candidateRepeats} holds its second, third ... mention ("TYPE|name", {@link #REPEAT}, the number), so
     * that counting those values as well counts the mentions.
     */
    public IndexedDocument withNames(List<EntitiesApi.Spotted> names) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (EntitiesApi.Spotted n : names == null ? List.<EntitiesApi.Spotted>of() : names) {
            if (n.name() != null && !n.name().isBlank() && n.type() != null && n.name().length() <= 200) {
                counts.merge(n.type() + "|" + n.name(), 1, Integer::sum);
            }
        }
        List<PossibleMention> possible = new ArrayList<>();
        for (EntitiesApi.Spotted n : names == null ? List.<EntitiesApi.Spotted>of() : names) {
            EntitiesApi.Possible p = n.possible();
            LinkedMention at = p == null || p.entityId() == null
                    ? null
                    : located(title, p.entityId(), n.start(),
                            n.end());
            if (at != null) {
                possible.add(new PossibleMention(p.entityId(), p.primaryName(), at.field(), at.start(), at.end(),
                        n.name(), p.score(), p.rule()));
            }
        }
        List<String> keys = new ArrayList<>(Math.min(counts.size(), MAX_CANDIDATES));
        List<String> repeats = new ArrayList<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(MAX_CANDIDATES).forEach(e -> {
                    keys.add(e.getKey());
                    for (int i = 2; i <= Math.min(e.getValue(), MAX_REPEATS); i++) {
                        repeats.add(e.getKey() + REPEAT + i);
                    }
                });
        return new IndexedDocument(id, collection, title, titleForms, titleStems, authors, text, textForms, textStems,
                url, publisher, publishedAt, language, tags, createdAt, entityIds, entityTypes, entityFacets, mentions,
                linkedThrough, notes, noteEntityIds, notesForms, notesStems, notesUpdatedAt, keys, repeats,
                List.copyOf(possible), textLength);
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
            LinkedMention at = located(title, m.entityId(), m.start(), m.end());
            if (at != null) {
                linked.add(at);
            }
        }
        AnalysedWords analysedTitle = AnalysedWords.of(title, language);
        AnalysedWords analysedText = AnalysedWords.of(text, language);
        return new IndexedDocument(id, collection, title, analysedTitle.forms(), analysedTitle.stems(),
                authors == null ? List.of() : authors, text, analysedText.forms(), analysedText.stems(), url,
                publisher, publishedAt, language, tags == null ? List.of() : tags, createdAt, List.copyOf(ids),
                List.copyOf(types), List.copyOf(facets), linked, linkedThrough, List.of(), List.of(), List.of(),
                List.of(), null, List.of(), List.of(), List.of(), text == null ? 0 : text.length());
    }

    /**
     * A span of {@link #linkedText} (the title, a blank line, the text) in the field it falls in, with offsets into
     * that field; null for a span across the blank line.
     */
    private static LinkedMention located(String title, String entityId, int start, int end) {
        int textStart = (title == null ? 0 : title.length()) + 2;
        if (start >= textStart) {
            return new LinkedMention(entityId, "text", start - textStart, end - textStart);
        }
        return end <= textStart - 2 ? new LinkedMention(entityId, "title", start, end) : null;
    }

    /** The stems of a document's title and text (the first {@code maxChars} of it), joined by spaces. */
    public static String stems(String title, String text, String language, int maxChars) {
        String body = text == null ? "" : text.length() > maxChars ? text.substring(0, maxChars) : text;
        return AnalysedWords.allStems(title, language) + " " + AnalysedWords.allStems(body, language);
    }
}
