package io.dossier.search.query;

import java.util.List;
import java.util.Set;

/**
 * What a query looks for in a text, word by word, for highlighting: folded forms as written, stems (every form of
 * those words), prefixes and fuzzy terms. A stem match is marked like an exact one: the reader sees the text's own
 * word ("attacks" for a query "attack").
 */
record QueryTerms(Set<String> forms, Set<String> stems, List<String> prefixes, List<Fuzzy> fuzzy) {

    /** A fuzzy term: its folded form and the edits it allows. */
    record Fuzzy(String form, int edits) {
    }

    static final QueryTerms NONE = new QueryTerms(Set.of(), Set.of(), List.of(), List.of());

    /** What the tree looks for in the title and text (what it excludes aside); forms only when {@code exact}. */
    static QueryTerms of(QueryNode tree, boolean exact) {
        Set<String> forms = new java.util.LinkedHashSet<>();
        Set<String> stems = new java.util.LinkedHashSet<>();
        List<String> prefixes = new java.util.ArrayList<>();
        List<Fuzzy> fuzzy = new java.util.ArrayList<>();
        collect(tree, exact, forms, stems, prefixes, fuzzy);
        return new QueryTerms(forms, stems, prefixes, fuzzy);
    }

    private static void collect(QueryNode node, boolean exact, Set<String> forms, Set<String> stems,
            List<String> prefixes, List<Fuzzy> fuzzy) {
        if (node instanceof QueryNode.Word w) {
            for (String part : io.dossier.common.text.TextAnalysis.form(w.text()).split(" ")) {
                List<String> s = part.isEmpty() ? List.of() : io.dossier.common.text.TextAnalysis.queryStems(part);
                if (!s.isEmpty()) {
                    forms.add(s.get(0));
                    if (!exact) {
                        stems.addAll(s);
                    }
                }
            }
        } else if (node instanceof QueryNode.Phrase p) {
            p.words().forEach(w -> collect(w, exact, forms, stems, prefixes, fuzzy));
        } else if (node instanceof QueryNode.Prefix p) {
            String form = io.dossier.common.text.TextAnalysis.form(p.word().text());
            if (!form.isEmpty()) {
                prefixes.add(form);
            }
        } else if (node instanceof QueryNode.Fuzzy z) {
            String form = io.dossier.common.text.TextAnalysis.form(z.word().text());
            if (!form.isEmpty()) {
                int edits = z.edits() == QueryNode.Fuzzy.AUTO
                        ? (form.length() <= 2 ? 0 : form.length() <= 5 ? 1 : 2)
                        : z.edits();
                fuzzy.add(new Fuzzy(form, edits));
            }
        } else if (node instanceof QueryNode.Field f) {
            if (f.field().equals("title") || f.field().equals("text") || f.field().equals("note")) {
                collect(f.value(), exact, forms, stems, prefixes, fuzzy);
            }
        } else if (node instanceof QueryNode.Boost b) {
            collect(b.node(), exact, forms, stems, prefixes, fuzzy);
        } else if (node instanceof QueryNode.Bool b) {
            for (QueryNode.Clause c : b.clauses()) {
                if (c.occur() != QueryNode.Occur.MUST_NOT) {
                    collect(c.node(), exact, forms, stems, prefixes, fuzzy);
                }
            }
        }
    }

    boolean isEmpty() {
        return forms.isEmpty() && stems.isEmpty() && prefixes.isEmpty() && fuzzy.isEmpty();
    }

    /** Whether a word of the text, its folded form and stem given, is one the query looks for. */
    boolean matches(String form, String stem) {
        if (forms.contains(form) || stems.contains(stem)) {
            return true;
        }
        for (String prefix : prefixes) {
            if (form.startsWith(prefix)) {
                return true;
            }
        }
        for (Fuzzy f : fuzzy) {
            if (Math.abs(form.length() - f.form().length()) <= f.edits()
                    && distance(form, f.form(), f.edits()) <= f.edits()) {
                return true;
            }
        }
        return false;
    }

    /** Damerau-free Levenshtein distance, stopping early past {@code max}. */
    static int distance(String a, String b, int max) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.min(best, current[j]);
            }
            if (best > max) {
                return best;
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
