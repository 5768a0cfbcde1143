package io.dossier.gateway.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A document as read: its title and text cut into segments (plain runs, mentions of registry entities, page starts),
 * each cut again where the words of the search it was opened from are; how many words are marked; the entity types
 * its mentions show (the legend); its language and direction. The document page and the search page's preview pane
 * show it alike.
 */
public record Reading(List<Reading.Segment> title, List<Reading.Segment> text, int matches,
        List<Reading.TypeLegend> legend, String lang, String dir) {

    /** An entity type shown in the text, with its word and the class that colours it. */
    public record TypeLegend(String label, String css) {
    }

    /**
     * A run of text from {@code start}: plain, or a mention (with its entity), or the start of a page ({@code page} >
     * 0: text read by OCR). Its parts are the run cut where the search's words are marked.
     */
    public record Segment(String text, int start, String entityId, String entityName, String entityType, int page,
            List<Part> parts, String possibly) {

        Segment(String text, int start, String entityId, String entityName, String entityType) {
            this(text, start, entityId, entityName, entityType, 0, List.of(new Part(text, -1)), null);
        }

        Segment(String text, int start, String entityId, String entityName, String entityType, int page,
                List<Part> parts) {
            this(text, start, entityId, entityName, entityType, page, parts, null);
        }

        /** A segment like this one cut into these parts. */
        Segment withParts(List<Part> cut) {
            return new Segment(text, start, entityId, entityName, entityType, page, cut, possibly);
        }

        public String css() {
            return "mention type-" + typeClass(entityType) + (possibly == null ? "" : " possible");
        }

        /** The entity's type in words, told beside the colour (for those who cannot see it). */
        public String typeLabel() {
            return entityType == null ? "" : Labels.type(entityType);
        }
    }

    /**
     * Part of a segment; {@code match} is the index of the search's word it shows (0, 1, ...), or -1; {@code notes}
     * the numbers of the analysts' notes whose passages it is in (several where passages overlap or are the same);
     * {@code anchors} the notes whose passages begin here (each passage's target of "show in the text").
     */
    public record Part(String text, int match, List<Integer> notes, List<Integer> anchors) {

        Part(String text, int match) {
            this(text, match, List.of(), List.of());
        }

        /** The part as HTML: its text escaped, in a {@code mark} for a search's word, in the passages of notes. */
        public io.quarkus.qute.RawString html() {
            StringBuilder out = new StringBuilder(text.length() + 64);
            for (int anchor : anchors) {
                out.append("<span class=\"passage-start\" id=\"passage-").append(anchor)
                        .append("\" tabindex=\"-1\"></span>");
            }
            if (!notes.isEmpty()) {
                out.append("<span class=\"noted\" data-notes=\"");
                for (int i = 0; i < notes.size(); i++) {
                    out.append(i == 0 ? "" : " ").append(notes.get(i));
                }
                out.append("\">");
            }
            if (match >= 0) {
                out.append("<mark class=\"match\" data-match=\"").append(match).append("\">");
            }
            escape(text, out);
            if (match >= 0) {
                out.append("</mark>");
            }
            if (!notes.isEmpty()) {
                out.append("</span>");
            }
            return new io.quarkus.qute.RawString(out.toString());
        }

        private static void escape(String text, StringBuilder out) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    // kept as a character reference: the page's parser would fold a CR LF into one LF, and the
                    // offsets a selection is measured by would drift
                    case '\r' -> out.append("&#13;");
                    default -> out.append(c);
                }
            }
        }
    }

    /** An analyst's note's passage in the text: [start, end), and the note's number on the page. */
    record Passage(int start, int end, int note) {
    }

    /** The document cut for reading: mentions, the search's words, pages; and the legend of what is coloured. */
    static Reading of(SearchApi.Document doc) {
        return of(doc, List.of());
    }

    /** As {@link #of(SearchApi.Document)}, with the passages of the analysts' notes marked in the text. */
    static Reading of(SearchApi.Document doc, List<Passage> passages) {
        Map<String, SearchApi.EntityRef> entities = new HashMap<>();
        for (SearchApi.EntityRef e : doc.entities() == null ? List.<SearchApi.EntityRef>of() : doc.entities()) {
            entities.put(e.id(), e);
        }
        List<SearchApi.Mention> mentions = doc.mentions() == null ? List.of() : doc.mentions();
        Map<String, SearchApi.PossibleMention> possible = new HashMap<>();
        if (doc.possibleMentions() != null) {
            List<SearchApi.Mention> all = new ArrayList<>(mentions);
            for (SearchApi.PossibleMention p : doc.possibleMentions()) {
                all.add(new SearchApi.Mention(p.entityId(), p.field(), p.start(), p.end()));
                possible.put(p.field() + ":" + p.start(), p);
            }
            mentions = all;
        }
        List<SearchApi.Match> matches = doc.matches() == null ? List.of() : doc.matches();
        int[] counter = {0};
        List<Segment> title = marked(segments(doc.title(), "title", mentions, entities, possible), "title", matches,
                counter);
        List<Segment> text = noted(marked(pages(segments(doc.text(), "text", mentions, entities, possible),
                doc.text()),
                "text", matches, counter), passages);
        java.util.Set<String> types = new java.util.TreeSet<>();
        for (List<Segment> field : List.of(title, text)) {
            field.stream().filter(x -> x.entityId() != null && x.possibly() == null).forEach(x -> types.add(
                    x.entityType() == null ? "" : x.entityType()));
        }
        List<TypeLegend> legend = new ArrayList<>(types.stream()
                .map(t -> new TypeLegend(t.isEmpty() ? "Other" : Labels.type(t), "mention type-" + typeClass(t)))
                .toList());
        if (!possible.isEmpty()) {
            legend.add(new TypeLegend("Possible mention (not confirmed)", "mention type-other possible"));
        }
        return new Reading(title, text, counter[0], legend, Views.lang(doc.language()), Views.dir(doc.language()));
    }

    static String typeClass(String type) {
        return type == null || !type.matches("[A-Z_]{1,40}") ? "other" : type.toLowerCase(Locale.ROOT);
    }

    /** The field cut into plain runs and mentions (in order, overlapping or out-of-range spans skipped). */
    static List<Segment> segments(String field, String name, List<SearchApi.Mention> mentions,
            Map<String, SearchApi.EntityRef> entities) {
        return segments(field, name, mentions, entities, Map.of());
    }

    /**
     * As {@link #segments(String, String, List, Map)}; a mention that is in {@code possible} (by field and start) is
     * a possible one: its segment names the entity the spelling is possibly of, and says how sure the matcher is.
     */
    static List<Segment> segments(String field, String name, List<SearchApi.Mention> mentions,
            Map<String, SearchApi.EntityRef> entities, Map<String, SearchApi.PossibleMention> possible) {
        List<Segment> out = new ArrayList<>();
        if (field == null) {
            return out;
        }
        int cursor = 0;
        List<SearchApi.Mention> sorted = mentions.stream().filter(m -> name.equals(m.field()))
                .sorted(Comparator.comparingInt(SearchApi.Mention::start)).toList();
        for (SearchApi.Mention m : sorted) {
            if (m.start() < cursor || m.end() > field.length() || m.start() >= m.end()) {
                continue;
            }
            if (m.start() > cursor) {
                out.add(new Segment(field.substring(cursor, m.start()), cursor, null, null, null));
            }
            SearchApi.PossibleMention p = possible.get(name + ":" + m.start());
            SearchApi.EntityRef e = entities.get(m.entityId());
            String text = field.substring(m.start(), m.end());
            if (p != null) {
                out.add(new Segment(text, m.start(), m.entityId(), p.primaryName(), null, 0,
                        List.of(new Part(text, -1)), String.format(java.util.Locale.ROOT, "%.0f%%", p.score() * 100)));
            } else {
                out.add(new Segment(text, m.start(), m.entityId(), e == null ? null : e.name(),
                        e == null ? null : e.type()));
            }
            cursor = m.end();
        }
        if (cursor < field.length()) {
            out.add(new Segment(field.substring(cursor), cursor, null, null, null));
        }
        return out;
    }

    /**
     * A text of pages (pages read by OCR, separated by form feeds) gets a marker where each page starts, the first
     * included; a text without form feeds is left as it is. Each piece keeps its offset in the text.
     */
    static List<Segment> pages(List<Segment> segments, String field) {
        if (field == null || field.indexOf('\f') < 0) {
            return segments;
        }
        List<Segment> out = new ArrayList<>();
        int page = 1;
        out.add(new Segment("", 0, null, null, null, page, List.of()));
        for (Segment s : segments) {
            if (s.entityId() != null || s.text().indexOf('\f') < 0) {
                out.add(s);
                continue;
            }
            String[] parts = s.text().split("\f", -1);
            int pos = s.start();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    out.add(new Segment("", pos, null, null, null, ++page, List.of()));
                }
                String part = parts[i];
                int start = pos;
                if (i > 0 && part.startsWith("\n")) {
                    part = part.substring(1);
                    start++;
                }
                if (i < parts.length - 1 && part.endsWith("\n")) {
                    part = part.substring(0, part.length() - 1);
                }
                if (!part.isEmpty()) {
                    out.add(new Segment(part, start, null, null, null));
                }
                pos += parts[i].length() + 1;
            }
        }
        return out;
    }

    /**
     * Each segment cut where the search's words in this field are: a word is numbered in text order across title and
     * text ({@code counter}); a word that a segment boundary splits is marked in each piece under one number.
     */
    static List<Segment> marked(List<Segment> segments, String field, List<SearchApi.Match> matches, int[] counter) {
        List<SearchApi.Match> here = matches.stream().filter(m -> field.equals(m.field()) && m.start() < m.end())
                .sorted(Comparator.comparingInt(SearchApi.Match::start)).toList();
        if (here.isEmpty()) {
            return segments;
        }
        int first = counter[0];
        counter[0] += here.size();
        List<Segment> out = new ArrayList<>(segments.size());
        // segments and matches are both in text order: one pass over each (a match may run into the next segment)
        int next = 0;
        for (Segment s : segments) {
            if (s.page() > 0 || s.text().isEmpty()) {
                out.add(s);
                continue;
            }
            int from = s.start();
            int to = s.start() + s.text().length();
            while (next < here.size() && here.get(next).end() <= from) {
                next++;
            }
            List<Part> parts = new ArrayList<>();
            int cursor = from;
            for (int i = next; i < here.size() && here.get(i).start() < to; i++) {
                SearchApi.Match m = here.get(i);
                int a = Math.max(m.start(), cursor);
                int b = Math.min(m.end(), to);
                if (a >= b) {
                    continue;
                }
                if (a > cursor) {
                    parts.add(new Part(s.text().substring(cursor - from, a - from), -1));
                }
                parts.add(new Part(s.text().substring(a - from, b - from), first + i));
                cursor = b;
            }
            if (cursor < to) {
                parts.add(new Part(s.text().substring(cursor - from), -1));
            }
            out.add(s.withParts(parts));
        }
        return out;
    }

    /**
     * Each part cut again where the passages of notes begin and end, each piece carrying the numbers of every note
     * whose passage holds it; the first piece of each passage carries its anchor.
     */
    static List<Segment> noted(List<Segment> segments, List<Passage> passages) {
        if (passages.isEmpty()) {
            return segments;
        }
        java.util.Set<Integer> anchored = new java.util.HashSet<>();
        List<Segment> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            int from = s.start();
            int to = from + s.text().length();
            List<Passage> here = passages.stream().filter(p -> p.start() < to && p.end() > from).toList();
            if (s.page() > 0 || s.text().isEmpty() || here.isEmpty()) {
                out.add(s);
                continue;
            }
            List<Part> parts = new ArrayList<>();
            int offset = from;
            for (Part part : s.parts()) {
                int partEnd = offset + part.text().length();
                java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>(List.of(offset, partEnd));
                for (Passage p : here) {
                    if (p.start() > offset && p.start() < partEnd) {
                        cuts.add(p.start());
                    }
                    if (p.end() > offset && p.end() < partEnd) {
                        cuts.add(p.end());
                    }
                }
                Integer a = cuts.pollFirst();
                for (Integer b : cuts) {
                    int pieceStart = a;
                    List<Passage> in = here.stream().filter(p -> p.start() <= pieceStart && p.end() > pieceStart)
                            .toList();
                    List<Integer> anchors = in.stream().map(Passage::note).filter(anchored::add).toList();
                    parts.add(new Part(part.text().substring(a - offset, b - offset), part.match(),
                            in.stream().map(Passage::note).sorted().toList(), anchors));
                    a = b;
                }
                offset = partEnd;
            }
            out.add(s.withParts(parts));
        }
        return out;
    }
}
