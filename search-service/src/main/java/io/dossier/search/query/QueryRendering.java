package io.dossier.search.query;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.dossier.search.query.QueryNode.Bool;
import io.dossier.search.query.QueryNode.Boost;
import io.dossier.search.query.QueryNode.Clause;
import io.dossier.search.query.QueryNode.Field;
import io.dossier.search.query.QueryNode.Fuzzy;
import io.dossier.search.query.QueryNode.Occur;
import io.dossier.search.query.QueryNode.Phrase;
import io.dossier.search.query.QueryNode.Prefix;
import io.dossier.search.query.QueryNode.Word;

/**
 * The canonical text of a {@link QueryNode}: words separated by spaces (AND), {@code OR} between alternatives,
 * {@code -} before what is excluded, {@code +} before what an alternative requires, parentheses around every group
 * inside another, and a field's name in lower case. Parsing the text again gives the same tree, so it is a faithful
 * answer to "how was my query read". Bidirectional controls are left out of words, so a pasted override cannot turn
 * the rest of the line around where the text is shown.
 */
final class QueryRendering {

    private QueryRendering() {
    }

    static String render(QueryNode node) {
        if (node instanceof Word w) {
            return visible(w.text());
        } else if (node instanceof Phrase p) {
            StringBuilder out = new StringBuilder("\"");
            for (int i = 0; i < p.words().size(); i++) {
                out.append(i == 0 ? "" : " ").append(visible(p.words().get(i).text()));
            }
            out.append('"');
            return p.slop() == 0 ? out.toString() : out.append('~').append(p.slop()).toString();
        } else if (node instanceof Prefix p) {
            return visible(p.word().text()) + "*";
        } else if (node instanceof Fuzzy f) {
            return visible(f.word().text()) + "~" + (f.edits() == Fuzzy.AUTO ? "" : String.valueOf(f.edits()));
        } else if (node instanceof Field f) {
            return f.field() + ":" + grouped(f.value());
        } else if (node instanceof Boost b) {
            boolean parentheses = b.node() instanceof Bool || b.node() instanceof Field || b.node() instanceof Boost;
            return (parentheses ? "(" + render(b.node()) + ")" : render(b.node())) + "^" + number(b.boost());
        } else if (node instanceof Bool b) {
            return bool(b);
        }
        throw new IllegalArgumentException("unknown node " + node);
    }

    private static String bool(Bool bool) {
        boolean alternatives = bool.clauses().stream().anyMatch(c -> c.occur() == Occur.SHOULD);
        List<String> parts = new ArrayList<>(bool.clauses().size());
        for (Clause c : bool.clauses()) {
            parts.add(switch (c.occur()) {
                case MUST -> (alternatives ? "+" : "") + grouped(c.node());
                case MUST_NOT -> "-" + grouped(c.node());
                case SHOULD -> c.node() instanceof Bool inner && isExclusion(inner) ? render(inner) : grouped(c.node());
            });
        }
        return String.join(alternatives ? " OR " : " ", parts);
    }

    /** A bool of one excluded clause: {@code -x} needs no parentheses. */
    private static boolean isExclusion(Bool bool) {
        return bool.clauses().size() == 1 && bool.clauses().get(0).occur() == Occur.MUST_NOT;
    }

    /** The node, in parentheses when it is a group. */
    private static String grouped(QueryNode node) {
        return node instanceof Bool ? "(" + render(node) + ")" : render(node);
    }

    static String number(float value) {
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    /** The word without bidirectional controls (marks, embeddings, overrides, isolates). */
    static String visible(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isBidiControl(c)) {
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    static boolean isBidiControl(int c) {
        return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069);
    }

    static void collectWords(QueryNode node, List<Word> out) {
        if (node instanceof Word w) {
            out.add(w);
        } else if (node instanceof Phrase p) {
            out.addAll(p.words());
        } else if (node instanceof Prefix p) {
            out.add(p.word());
        } else if (node instanceof Fuzzy f) {
            out.add(f.word());
        } else if (node instanceof Field f) {
            collectWords(f.value(), out);
        } else if (node instanceof Boost b) {
            collectWords(b.node(), out);
        } else if (node instanceof Bool b) {
            for (Clause c : b.clauses()) {
                collectWords(c.node(), out);
            }
        }
    }
}
