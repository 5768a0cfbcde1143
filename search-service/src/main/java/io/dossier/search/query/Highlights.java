package io.dossier.search.query;

import java.util.ArrayList;
import java.util.List;

import io.dossier.common.text.TextFolding;

/**
 * Turns Elasticsearch's highlight fragments into HTML snippets of the original text. Fragments come marked with
 * {@link #PRE} and {@link #POST} (private-use characters, never in folded text); a fragment of a folded field is
 * found again in the folding of the original, and its marks are carried back through the folding's offsets, so the
 * analyst reads the document's own spelling. Everything is HTML-escaped; {@code <mark>} is the only markup.
 */
final class Highlights {

    static final String PRE = "\uE000";
    static final String POST = "\uE001";

    private Highlights() {
    }

    /** Snippets of a field highlighted as it is stored (exact mode). */
    static List<String> ofOriginal(List<String> fragments) {
        List<String> out = new ArrayList<>(fragments.size());
        for (String f : fragments) {
            out.add(escape(f).replace(PRE, "<mark>").replace(POST, "</mark>"));
        }
        return out;
    }

    /** Snippets of the original text from fragments of its folded form. */
    static List<String> ofFolded(List<String> fragments, String original) {
        if (original == null) {
            return ofOriginal(fragments);
        }
        TextFolding.Folded folded = TextFolding.foldWithOffsets(original);
        List<String> out = new ArrayList<>(fragments.size());
        for (String fragment : fragments) {
            String plain = fragment.replace(PRE, "").replace(POST, "");
            int at = plain.isEmpty() ? -1 : folded.text().indexOf(plain);
            out.add(at < 0
                    ? ofOriginal(List.of(fragment)).get(0)
                    : mapBack(fragment, at, plain.length(), folded,
                            original));
        }
        return out;
    }

    private static String mapBack(String fragment, int at, int length, TextFolding.Folded folded, String original) {
        // the marked spans, in folded coordinates
        List<int[]> marks = new ArrayList<>();
        int k = at;
        int open = -1;
        for (int i = 0; i < fragment.length(); i++) {
            char c = fragment.charAt(i);
            if (c == PRE.charAt(0)) {
                open = k;
            } else if (c == POST.charAt(0)) {
                if (open >= 0 && k > open) {
                    marks.add(new int[]{open, k});
                }
                open = -1;
            } else {
                k++;
            }
        }
        int from = folded.originalStart(at);
        int to = folded.originalEnd(at + length, original);
        StringBuilder html = new StringBuilder(to - from + marks.size() * 13);
        int cursor = from;
        for (int[] m : marks) {
            int s = folded.originalStart(m[0]);
            int e = folded.originalEnd(m[1], original);
            if (s < cursor) {
                continue;
            }
            html.append(escape(original.substring(cursor, s))).append("<mark>")
                    .append(escape(original.substring(s, e))).append("</mark>");
            cursor = e;
        }
        html.append(escape(original.substring(cursor, Math.max(cursor, to))));
        return html.toString();
    }

    /**
     * Snippets around linked mentions ({@code [start, end)} spans of the text, in text order), each mention marked:
     * the evidence for a document found through an entity link rather than the query's words.
     */
    static List<String> ofMentions(String text, List<int[]> spans, int max) {
        List<String> out = new ArrayList<>();
        int shownTo = -1;
        for (int[] span : spans) {
            if (out.size() == max) {
                break;
            }
            if (span[0] < shownTo || span[0] < 0 || span[1] > text.length() || span[0] >= span[1]) {
                continue; // inside the previous snippet, or not a span of this text
            }
            int from = wordStart(text, Math.max(0, span[0] - 80));
            int to = wordEnd(text, Math.min(text.length(), span[1] + 80));
            out.add(escape(text.substring(from, span[0])) + "<mark>" + escape(text.substring(span[0], span[1]))
                    + "</mark>" + escape(text.substring(span[1], to)));
            shownTo = to;
        }
        return out;
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
