package io.dossier.entities.relations;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Whether a quote occurs in a text, as a reader would judge it: line breaks and runs of spaces, Unicode
 * compatibility forms, letter case, typographic quotes, apostrophes and dashes do not count. The words and their
 * order do.
 */
final class Quotes {

    private Quotes() {
    }

    static boolean occursIn(String quote, String text) {
        String q = normal(quote);
        return !q.isEmpty() && normal(text).contains(q);
    }

    static String normal(String s) {
        String n = Normalizer.normalize(s, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(n.length());
        boolean space = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(switch (c) {
                case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032', '`', '\u00B4' -> '\'';
                case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033' -> '"';
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
                default -> c;
            });
        }
        return out.toString();
    }
}
