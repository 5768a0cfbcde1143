package io.dossier.search.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dossier.common.text.TextFolding;
import io.dossier.search.indexing.EntitiesApi;

/**
 * The user's query in Elasticsearch's query_string syntax (AND / OR / NOT, "phrases", prefix*, fuzzy~, field:value,
 * parentheses), with every word folded as {@link TextFolding} folds the indexed text, and the syntax left as it was:
 * operators, quotes, wildcards, escapes and field names are not words.
 */
final class QueryText {

    /** Characters with a meaning in the syntax; a word ends at any of them. */
    private static final String SYNTAX = "\"()*?~^+-!:\\/[]{}&|<>=";

    private QueryText() {
    }

    static String fold(String query) {
        StringBuilder out = new StringBuilder(query.length());
        int n = query.length();
        int i = 0;
        while (i < n) {
            char c = query.charAt(i);
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(query.charAt(i + 1));
                i += 2;
            } else if (SYNTAX.indexOf(c) >= 0 || Character.isWhitespace(c)) {
                out.append(c);
                i++;
            } else {
                int end = i;
                while (end < n && SYNTAX.indexOf(query.charAt(end)) < 0
                        && !Character.isWhitespace(query.charAt(end))) {
                    end++;
                }
                String word = query.substring(i, end);
                boolean fieldName = end < n && query.charAt(end) == ':';
                boolean operator = word.equals("AND") || word.equals("OR") || word.equals("NOT");
                out.append(fieldName || operator ? word : TextFolding.fold(word));
                i = end;
            }
        }
        return out.toString();
    }

    /** Whether the query is only words (no operator, quote, wildcard or field): a name, perhaps. */
    static boolean isPlain(String query) {
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            boolean wordStart = i == 0 || Character.isWhitespace(query.charAt(i - 1));
            if (SYNTAX.indexOf(c) >= 0 && (c != '-' || wordStart)) {
                return false;
            }
        }
        for (String word : query.trim().split("\\s+")) {
            if (word.equals("AND") || word.equals("OR") || word.equals("NOT")) {
                return false;
            }
        }
        return true;
    }

    /**
     * The query, folded, in which each name of a registry entity ({@code mentions}, linked in the query as typed)
     * also finds the documents linked to that entity: {@code Hezbollah Brigades AND drone} becomes
     * {@code ((hezbollah brigades) OR entityIds:"<id>"^0.5) AND drone}. Only whole names stand alone or as a whole
     * "phrase": not a field's value, not part of a longer phrase, not under a wildcard, fuzzy or boost suffix, not
     * across an operator or a parenthesis.
     */
    static SearchService.Expanded expandNames(String query, List<EntitiesApi.Mention> mentions) {
        if (query.indexOf('/') >= 0) {
            // a regular expression may hold any text: leave such a query as typed
            return new SearchService.Expanded(fold(query), List.of(), false);
        }
        // offsets are into the query as typed; each piece is folded as it is copied
        List<int[]> quotes = quoteRegions(query);
        StringBuilder out = new StringBuilder(query.length() + 64);
        Map<String, SearchResults.Expansion> applied = new LinkedHashMap<>();
        int cursor = 0;
        for (EntitiesApi.Mention m : mentions) {
            if (m.start() < cursor || m.start() < 0 || m.end() > query.length()) {
                continue;
            }
            int from = m.start();
            int to = m.end();
            int[] quote = containing(quotes, from);
            if (quote != null) {
                if (!query.substring(quote[0] + 1, quote[1]).strip().equals(query.substring(from, to))) {
                    continue; // part of a longer phrase: the phrase means those words in that order, keep it so
                }
                from = quote[0];
                to = quote[1] + 1;
            } else if (containing(quotes, to - 1) != null || !isPlain(query.substring(from, to))) {
                continue;
            }
            boolean standsAlone = (from == 0 || Character.isWhitespace(query.charAt(from - 1))
                    || query.charAt(from - 1) == '(')
                    && (to == query.length() || Character.isWhitespace(query.charAt(to))
                            || query.charAt(to) == ')');
            if (!standsAlone || fieldValue(query, from)) {
                continue; // a field's value, a prefix or fuzzy term, a boosted or required/prohibited word
            }
            // names are whole words, so folding piece by piece folds exactly as folding the whole would
            out.append(fold(query.substring(cursor, from))).append("((").append(fold(query.substring(from, to)))
                    .append(") OR entityIds:\"")
                    .append(m.entityId()).append("\"^0.5)");
            cursor = to;
            applied.putIfAbsent(m.entityId(), new SearchResults.Expansion(m.name() == null ? m.surface() : m.name(),
                    m.entityId(), m.type(), m.primaryName(), "mention"));
        }
        out.append(fold(query.substring(cursor)));
        return new SearchService.Expanded(out.toString(), List.copyOf(applied.values()), false);
    }

    /**
     * Whether the text at {@code at} is a field's value: right after {@code title:} (spaces and parentheses between),
     * or inside a group opened right after one, {@code title:(a x)}.
     */
    private static boolean fieldValue(String query, int at) {
        int depth = 0;
        for (int i = at - 1; i >= 0; i--) {
            char c = query.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(') {
                if (depth > 0) {
                    depth--;
                } else if (afterColon(query, i)) {
                    return true; // a group that is a field's value
                }
            }
        }
        return afterColon(query, at);
    }

    /** Whether the last character before {@code at}, spaces and opening parentheses aside, is a colon. */
    private static boolean afterColon(String query, int at) {
        int i = at - 1;
        while (i >= 0 && (Character.isWhitespace(query.charAt(i)) || query.charAt(i) == '(')) {
            i--;
        }
        return i >= 0 && query.charAt(i) == ':';
    }

    /** The [open, close] indexes of each quoted phrase (unescaped quotes, paired in order). */
    private static List<int[]> quoteRegions(String query) {
        List<int[]> regions = new ArrayList<>();
        int open = -1;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                if (open < 0) {
                    open = i;
                } else {
                    regions.add(new int[]{open, i});
                    open = -1;
                }
            }
        }
        return regions;
    }

    private static int[] containing(List<int[]> regions, int index) {
        for (int[] r : regions) {
            if (index > r[0] && index < r[1]) {
                return r;
            }
        }
        return null;
    }
}
