package io.dossier.search.query;

import java.util.ArrayList;
import java.util.List;

import io.dossier.common.text.TextAnalysis;

/**
 * HTML snippets of a document's own text with the words the query looks for marked, computed here from the stored
 * text: the text is analysed as it was for indexing ({@link TextAnalysis}), each word whose folded form or stem the
 * query looks for ({@link QueryTerms}) is marked in the original spelling, and the passages with the most marks are
 * shown. Everything is HTML-escaped; {@code <mark>} is the only markup.
 */
final class Highlights {

    /** Characters of a text analysed for highlights at most: a match further on is not shown, the opening is. */
    static final int MAX_ANALYSED = 200_000;
    /** About how long a snippet is, in characters. */
    static final int SNIPPET = 180;

    /**
     * A title with every word the query looks for marked, and the given spans (linked mentions of the entities the
     * query was expanded to); null when nothing is marked.
     */
    static String title(String title, String language, QueryTerms terms, List<int[]> linked) {
        if (title == null) {
            return null;
        }
        List<int[]> marks = marks(title, title, language, terms, linked);
        return marks.isEmpty() ? null : marked(title, 0, title.length(), marks);
    }

    /**
     * Up to {@code max} snippets of the text around the words the query looks for and the given spans (linked mentions
     * of the entities the query was expanded to: the evidence for a document found through an entity link), the
     * richest first, in text order.
     */
    static List<String> text(String text, String language, QueryTerms terms, List<int[]> linked, int max) {
        return snippets(text, language, terms, linked, max).stream().map(Snippet::html).toList();
    }

    /** A snippet of a text, marked, with the page it starts on (1 for a text without pages). */
    record Snippet(String html, int page) {
    }

    /** Whether a text has pages: pages read by OCR are separated by form feeds. */
    static boolean paged(String text) {
        return text != null && text.indexOf('\f') >= 0;
    }

    /** The snippets of {@link #text}, each with its page. */
    static List<Snippet> snippets(String text, String language, QueryTerms terms, List<int[]> linked, int max) {
        if (text == null) {
            return List.of();
        }
        // the words are looked for in the opening MAX_ANALYSED characters; linked names anywhere in the text
        String analysed = text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text;
        List<int[]> marks = marks(text, analysed, language, terms, linked);
        if (marks.isEmpty()) {
            return List.of();
        }
        // windows of about SNIPPET characters starting at each mark; the ones holding the most marks, not
        // overlapping, in text order
        List<int[]> windows = new ArrayList<>();
        for (int i = 0; i < marks.size(); i++) {
            int from = wordStart(text, Math.max(0, marks.get(i)[0] - SNIPPET / 3));
            // never ending inside the mark the window starts from, however long
            int to = Math.max(marks.get(i)[1], wordEnd(text, Math.min(text.length(),
                    Math.max(from + SNIPPET, marks.get(i)[1]))));
            int count = 0;
            for (int j = i; j < marks.size() && marks.get(j)[1] <= to; j++) {
                count++;
            }
            windows.add(new int[]{from, to, count, marks.get(i)[0]});
        }
        windows.sort((a, b) -> a[2] != b[2] ? Integer.compare(b[2], a[2]) : Integer.compare(a[0], b[0]));
        List<int[]> chosen = new ArrayList<>();
        for (int[] w : windows) {
            if (chosen.size() == max) {
                break;
            }
            if (chosen.stream().noneMatch(c -> w[0] < c[1] && c[0] < w[1])) {
                chosen.add(w);
            }
        }
        chosen.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Snippet> out = new ArrayList<>(chosen.size());
        int page = 1;
        int counted = 0;
        for (int[] w : chosen) {
            // the page of the snippet's first mark (its window opens a little before it); in text order, so the
            // form feeds are counted once
            for (; counted < w[3]; counted++) {
                if (text.charAt(counted) == '\f') {
                    page++;
                }
            }
            // a page break inside a snippet reads as a space (the snippet says where it starts)
            out.add(new Snippet(marked(text, w[0], w[1], marks).replace('\f', ' '), page));
        }
        return out;
    }

    /**
     * The marks of the words found in {@code analysed} (the text's opening) and the linked spans that lie inside
     * {@code text}, in order, overlapping ones joined: a name
     * linked as a whole is marked as one, with the query's words inside it.
     */
    private static List<int[]> marks(String text, String analysed, String language, QueryTerms terms,
            List<int[]> linked) {
        List<int[]> all = new ArrayList<>(terms.isEmpty() ? List.of() : marks(analysed, language, terms));
        for (int[] span : linked) {
            if (span[0] >= 0 && span[0] < span[1] && span[1] <= text.length()) {
                all.add(new int[]{span[0], span[1]});
            }
        }
        all.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<int[]> joined = new ArrayList<>(all.size());
        for (int[] m : all) {
            int[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && m[0] < last[1]) {
                last[1] = Math.max(last[1], m[1]);
            } else {
                joined.add(m);
            }
        }
        return joined;
    }

    /**
     * Every word of a whole text that the query looks for, as [start, end) spans in order: a document's reading view
     * marks them all (the opening {@link #MAX_ANALYSED} characters).
     */
    static List<int[]> spans(String text, String language, QueryTerms terms) {
        if (text == null || terms.isEmpty()) {
            return List.of();
        }
        return marks(text.length() > MAX_ANALYSED ? text.substring(0, MAX_ANALYSED) : text, language, terms);
    }

    /** The [start, end) spans of the words of {@code text} the query looks for, in order. */
    private static List<int[]> marks(String text, String language, QueryTerms terms) {
        List<int[]> marks = new ArrayList<>();
        for (TextAnalysis.Token t : TextAnalysis.tokens(text, language)) {
            if (terms.matches(t.form(), t.stem())) {
                marks.add(new int[]{t.start(), t.end()});
            }
        }
        return marks;
    }

    /** {@code text[from, to)} escaped, with the marks inside it. */
    private static String marked(String text, int from, int to, List<int[]> marks) {
        StringBuilder html = new StringBuilder(to - from + 32);
        int cursor = from;
        for (int[] m : marks) {
            if (m[0] < cursor || m[1] > to) {
                continue;
            }
            html.append(escape(text.substring(cursor, m[0]))).append("<mark>")
                    .append(escape(text.substring(m[0], m[1]))).append("</mark>");
            cursor = m[1];
        }
        html.append(escape(text.substring(cursor, to)));
        return html.toString();
    }

    private Highlights() {
    }

    private static int wordStart(String text, int i) {
        if (i == 0) {
            return 0;
        }
        int space = text.indexOf(' ', i);
        return space < 0 || space - i > 20 ? i : space + 1;
    }

    private static int wordEnd(String text, int i) {
        if (i >= text.length()) {
            return text.length();
        }
        int space = text.lastIndexOf(' ', i);
        return space < 0 || i - space > 20 ? i : space;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
